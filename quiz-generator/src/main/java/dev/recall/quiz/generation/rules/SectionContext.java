package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.ItemFactory;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.Text;

import java.util.List;

/** What a rule sees of one section: the note, the section, its blocks not taken by explicit cards, and its language. */
public record SectionContext(NoteDocument document, NoteDocument.Section section, List<NoteDocument.Block> blocks, ItemFactory factory,
                             boolean zh, java.util.Map<String, String> plainCache, java.util.Map<Object, Object> memo) {

    public static SectionContext of(NoteDocument document, NoteDocument.Section section, List<NoteDocument.Block> blocks,
                                    ItemFactory factory) {
        boolean zh = Text.isChinese(String.join(" ", section.headingPath())) || blocks.stream().anyMatch(b -> Text.isChinese(b.raw()));
        return new SectionContext(document, section, blocks, factory, zh, new java.util.HashMap<>(), new java.util.HashMap<>());
    }

    public Wording wording() {
        return Wording.of(zh);
    }

    public ItemFactory.ItemBuilder item(String generator, ItemType type, String key) {
        return factory.builder(generator, type, section, key);
    }

    /** A block's text as the learner reads it: inline code put back, Markdown emphasis removed, on one line. */
    public String plain(NoteDocument.Block block) {
        return plain(block.raw());
    }

    /** The first sentence of a block's text, computed once per section. */
    public String firstSentence(NoteDocument.Block block) {
        String key = "\u0000first\u0000" + block.raw();
        String first = plainCache.get(key);
        if (first == null) {
            first = DefinitionRule.firstSentence(plain(block)); // not inside computeIfAbsent: plain() writes the same map
            plainCache.put(key, first);
        }
        return first;
    }

    /** What a rule computes once per section ({@code key} names it; the value must not depend on the block asking). */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Supplier<T> value) {
        Object known = memo.get(key);
        if (known == null) {
            known = value.get();
            memo.put(key, known);
        }
        return (T) known;
    }

    /**
     * Where a fact stands in its section, for ids that must survive rewording: the block's first line counted from
     * the heading, and for a list entry ({@code raw} one of the block's items) its place in the list.
     */
    public static String place(SectionContext ctx, NoteDocument.Block block, String raw) {
        int entry = raw == null ? -1 : block.items().indexOf(raw);
        return "@" + (block.startLine() - ctx.section().startLine()) + (entry >= 0 ? "." + entry : "");
    }

    /** Every rule reads the same text of a block: computed once per section. */
    public String plain(String raw) {
        return plainCache.computeIfAbsent(raw, r -> Text.plain(document.unmask(r.replace('\n', ' '))).strip());
    }
}
