package dev.recall.notes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineClassifierTests {

    @Test
    void eachLineByItsShape() {
        assertThat(LineClassifier.classify("  \t ")).isEqualTo(LineType.BLANK);
        assertThat(LineClassifier.classify("GET\tsafe\tidempotent")).isEqualTo(LineType.ROW);
        assertThat(LineClassifier.classify("1. 线程少于corePoolSize时创建新线程")).isEqualTo(LineType.NUMBERED);
        assertThat(LineClassifier.classify("• corePoolSize：核心线程数")).isEqualTo(LineType.BULLET);
        assertThat(LineClassifier.classify("  - two spaces and a dash")).isEqualTo(LineType.BULLET);
        assertThat(LineClassifier.classify("线程池是一种复用线程的机制。")).isEqualTo(LineType.PROSE);
    }

    @Test
    void anAsciiMarkGluedToAWordIsNoBullet() {
        assertThat(LineClassifier.classify("-v prints more")).isEqualTo(LineType.PROSE);
        assertThat(LineClassifier.classify("*args collects the rest")).isEqualTo(LineType.PROSE);
        assertThat(LineClassifier.classify("\tindented\ttab")).isEqualTo(LineType.PROSE); // a tab at the margin is indentation
    }

    @Test
    void bulletTextDropsTheGlyph() {
        assertThat(LineClassifier.bulletText("  ● keepAliveTime：空闲线程的存活时间 ")).isEqualTo("keepAliveTime：空闲线程的存活时间");
        assertThat(LineClassifier.bulletText("no bullet")).isEqualTo("no bullet");
        assertThat(LineClassifier.cells(" a\t\tb\tc ")).containsExactly("a", "b", "c");
    }
}
