package dev.recall.notes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberingTests {

    @Test
    void namesTheStyleOfEachNumbering() {
        assertThat(Numbering.style("一、为什么需要索引？")).isEqualTo("cn");
        assertThat(Numbering.style("（二）执行流程")).isEqualTo("cn-paren");
        assertThat(Numbering.style("第三章 事务")).isEqualTo("chapter");
        assertThat(Numbering.style("Part 2: Indexes")).isEqualTo("part");
        assertThat(Numbering.style("Step 1: install")).isEqualTo("step");
        assertThat(Numbering.style("第二步：提交")).isEqualTo("step");
        assertThat(Numbering.style("1. When to use it")).isEqualTo("dot");
        assertThat(Numbering.style("3) When to use it")).isEqualTo("paren");
        assertThat(Numbering.style("（3）其他")).isEqualTo("both");
        assertThat(Numbering.style("[4] Knuth, TAOCP")).isEqualTo("bracket");
        assertThat(Numbering.style("① 创建线程")).isEqualTo("circled");
    }

    @Test
    void plainLinesAndNumbersThatAreNotNumberingHaveNoStyle() {
        assertThat(Numbering.style("线程池的参数")).isNull();
        assertThat(Numbering.style("3.14 is pi")).isNull();
        assertThat(Numbering.style("2024年的计划")).isNull();
        assertThat(Numbering.style("   ")).isNull();
    }

    @Test
    void textIsTheLineWithoutItsNumber() {
        assertThat(Numbering.text("二、核心参数")).isEqualTo("核心参数");
        assertThat(Numbering.text("  2)  Undoing things ")).isEqualTo("Undoing things");
        assertThat(Numbering.text("Chapter IV — Locks")).isEqualTo("Locks");
        assertThat(Numbering.text("no number here")).isNull();
    }

    @Test
    void arabicStylesAreOneFamilyAndChineseOnesHeadSections() {
        assertThat(Numbering.family("dot")).isEqualTo(Numbering.family("paren")).isEqualTo(Numbering.family("both"))
                .isEqualTo(Numbering.family("circled"));
        assertThat(Numbering.family("cn")).isNotEqualTo(Numbering.family("dot"));
        assertThat(Numbering.strong("cn")).isTrue();
        assertThat(Numbering.strong("chapter")).isTrue();
        assertThat(Numbering.strong("dot")).isFalse();
    }
}
