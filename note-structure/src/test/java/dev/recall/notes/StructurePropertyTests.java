package dev.recall.notes;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

class StructurePropertyTests {

    private static final String PIECES = "一、二、（一）1. 2) • · ● - # ``` def f():\n  return 1\n点赞 12\n参考\nis 是 ：:\n\t|---|\n";

    @Property(tries = 500)
    void anyTextGivesSectionsWithinTheNoteAndStableIds(@ForAll @StringLength(max = 300) String noise, @ForAll int seed) {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < noise.length(); i++) {
            text.append(noise.charAt(i));
            if (random.nextInt(4) == 0) {
                int at = random.nextInt(PIECES.length());
                text.append(PIECES, at, Math.min(PIECES.length(), at + 1 + random.nextInt(12)));
            }
            if (random.nextInt(10) == 0) {
                text.append('\n');
            }
        }
        NoteStructure note = NoteStructure.parse(text.toString());
        NoteStructure again = NoteStructure.parse(text.toString());
        assertThat(again).isEqualTo(note);
        for (Section section : note.sections()) {
            assertThat(section.startLine()).isBetween(1, note.lineCount());
            assertThat(section.endLine()).isBetween(section.startLine(), Math.max(section.startLine(), note.lineCount()));
            for (Block block : section.blocks()) {
                assertThat(block.startLine()).isBetween(1, note.lineCount()).isLessThanOrEqualTo(block.endLine());
            }
        }
        assertThat(note.outline()).extracting(Section::id).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("s-[0-9a-f]{12}"));
    }
}
