package dev.recall.content.outline;

import dev.recall.events.NoteEvents.Section;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutlineParserTests {

    private static final String NOTE = """
            # Memory
            
            text one two
            
            ## Reference `counting`
            
            three
            
            ## Generations
            
            four five
            
            # Threads
            
            six
            """;

    @Test
    void headingsFormATreeWithPathsAndWordCounts() {
        Outline outline = OutlineParser.parse(NOTE);

        assertThat(outline.sections()).extracting(Section::title).containsExactly("Memory", "Reference counting", "Generations", "Threads");
        assertThat(outline.sections()).extracting(Section::level).containsExactly(1, 2, 2, 1);
        assertThat(outline.sections().get(1).path()).containsExactly("Memory", "Reference counting");
        assertThat(outline.tree()).extracting(OutlineSection::title).containsExactly("Memory", "Threads");
        OutlineSection memory = outline.tree().get(0);
        assertThat(memory.children()).extracting(OutlineSection::title).containsExactly("Reference counting", "Generations");
        assertThat(memory.children()).extracting(OutlineSection::wordCount).containsExactly(1, 2);
        // Its own three words, and both sub-sections with their headings (2 + 1, 1 + 2).
        assertThat(memory.wordCount()).isEqualTo(9);
        assertThat(outline.tree().get(1).wordCount()).isEqualTo(1);
        // Every word of the note, headings included: 1+3, 2+1, 1+2, 1+1.
        assertThat(outline.wordCount()).isEqualTo(12);
    }

    @Test
    void sectionsCarryTheirSourceLines() {
        List<Section> sections = OutlineParser.outline(NOTE);
        assertThat(sections).extracting(Section::startLine).containsExactly(1, 5, 9, 13);
        Section memory = sections.get(0);
        Section generations = sections.get(2);
        assertThat(memory.endLine()).isGreaterThanOrEqualTo(generations.endLine()).isLessThan(13);
    }

    @Test
    void editingABodyKeepsEverySectionId() {
        List<String> before = OutlineParser.outline(NOTE).stream().map(Section::sectionId).toList();
        List<String> after = OutlineParser.outline(NOTE.replace("three", "three and a half")).stream().map(Section::sectionId).toList();
        assertThat(before).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void chineseCountsEachCharacterAndPastedTextTakesItsFirstLineAsTitle() {
        Outline chinese = OutlineParser.parse("# 垃圾回收\n\n引用计数\n");
        assertThat(chinese.sections()).extracting(Section::title).containsExactly("垃圾回收");
        assertThat(chinese.wordCount()).isEqualTo(8);
        assertThat(chinese.tree().get(0).wordCount()).isEqualTo(4);

        // Plain text (no Markdown signals): the first line is the title (docs/generation.md).
        Outline pasted = OutlineParser.parse("just a sentence");
        assertThat(pasted.sections()).extracting(Section::title).containsExactly("just a sentence");
        assertThat(pasted.wordCount()).isEqualTo(3);
    }
}
