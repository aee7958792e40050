package dev.recall.notes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReaderTests {

    @Test
    void headingsBecomeSectionsWithPathsLinesAndTheOutlineIdsOfBefore() {
        NoteStructure note = NoteStructure.parse("# Closures\n\nA closure keeps variables.\n\n## Late binding\n\n- one\n- two\n\n# Next\n\ntext\n");
        assertThat(note.format()).isEqualTo(NoteFormat.MARKDOWN);
        assertThat(note.outline()).extracting(Section::path)
                .containsExactly(List.of("Closures"), List.of("Closures", "Late binding"), List.of("Next"));
        // sha256("Closures\0" + "0") and sha256("Closures\0Late binding\0" + "0"), the ids content-service gave before
        assertThat(note.outline()).extracting(Section::id).startsWith("s-1b9576477fca", "s-4e344630e352");
        assertThat(note.outline()).extracting(Section::startLine, Section::endLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 9), org.assertj.core.groups.Tuple.tuple(5, 9),
                        org.assertj.core.groups.Tuple.tuple(10, 12));
        Block list = note.outline().get(1).blocks().get(0);
        assertThat(list.kind()).isEqualTo(BlockKind.LIST);
        assertThat(list.listKind()).isEqualTo(ListKind.BULLETS);
        assertThat(list.items()).containsExactly("one", "two");
        assertThat(list.startLine()).isEqualTo(7);
    }

    @Test
    void idsSurviveRewordingTheBodyAndRepeatedHeadingsGetTheirOwn() {
        NoteStructure before = NoteStructure.parse("# A\n\nold text\n\n## B\n\nx\n\n## B\n\ny\n");
        NoteStructure after = NoteStructure.parse("# A\n\nnew and longer text\n\nmore\n\n## B\n\nchanged\n\n## B\n\ny\n");
        assertThat(after.outline()).extracting(Section::id).isEqualTo(before.outline().stream().map(Section::id).toList());
        assertThat(before.outline().get(1).id()).isNotEqualTo(before.outline().get(2).id());
    }

    @Test
    void blocksKeepTheirKindsAndFencedCodeItsLanguage() {
        NoteStructure note = NoteStructure.parse("# T\n\n1. Step 1: open\n2. Step 2: close\n\n```python\nprint(1)\n```\n\n"
                + "| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted **x**\n\nplain <!-- hidden --> text\n");
        List<Block> blocks = note.outline().get(0).blocks();
        assertThat(blocks).extracting(Block::kind)
                .containsExactly(BlockKind.LIST, BlockKind.CODE, BlockKind.TABLE, BlockKind.QUOTE, BlockKind.PARAGRAPH);
        assertThat(blocks.get(0).listKind()).isEqualTo(ListKind.STEPS);
        assertThat(blocks.get(1).language()).isEqualTo("python");
        assertThat(blocks.get(1).code()).isEqualTo("print(1)\n");
        assertThat(blocks.get(2).rows()).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(blocks.get(3).children()).extracting(Block::text).containsExactly("quoted **x**");
        assertThat(blocks.get(4).text()).isEqualTo("plain  text");
    }

    @Test
    void referenceSectionsAndChromeParagraphsAreBoilerplate() {
        NoteStructure note = NoteStructure.parse("# GC\n\nReference counting frees at zero.\n\n点赞 12 收藏 3\n\n## References\n\n- [a](http://x)\n\n## Later\n\nkept\n");
        assertThat(note.outline()).extracting(Section::title).containsExactly("GC", "Later");
        assertThat(note.outline().get(0).blocks()).hasSize(1);
        assertThat(note.boilerplate()).extracting(Boilerplate::startLine).contains(5, 7, 9);
    }

    @Test
    void frontMatterSetsBoldClozeAndIsNoBlock() {
        NoteStructure note = NoteStructure.parse("---\ncloze: bold\n---\n# T\n\nThe **GIL** x.\n");
        assertThat(note.boldCloze()).isTrue();
        assertThat(note.sections()).hasSize(1);
    }

    @Test
    void boldLinesAreHeadingsOnlyInANoteWithoutHeadings() {
        NoteStructure headless = MarkdownReader.read("**Java 并发笔记**\n\n**1、volatile 关键字**\nvolatile 保证可见性。\n\n**2、CAS**\n\nCAS 是无锁的原子操作。\n");
        assertThat(headless.sections()).extracting(Section::title).containsExactly("Java 并发笔记", "volatile 关键字", "CAS");
        assertThat(headless.sections().get(1).blocks()).singleElement().satisfies(b -> {
            assertThat(b.text()).isEqualTo("volatile 保证可见性。");
            assertThat(b.startLine()).isEqualTo(4);
        });
        // With a real heading the note is read exactly as CommonMark reads it: a bold line stays a paragraph.
        NoteStructure headed = MarkdownReader.read("# Notes\n\n**1、volatile 关键字**\nvolatile 保证可见性。\n");
        assertThat(headed.sections()).extracting(Section::title).containsExactly("Notes");
        // A bold sentence is emphasis, not a heading.
        assertThat(MarkdownReader.boldHeading("**注意：不要在循环里加锁。**")).isNull();
    }
}
