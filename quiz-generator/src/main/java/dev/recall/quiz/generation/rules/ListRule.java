package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list under a heading or an introducing line ("…：" / "…:"): its entries that are definitions or contrasts become
 * those items; a list of short entries gives a recall card ("列出「…」（共 N 项）"), and a list of steps an ordering
 * item. Lists are kept ({@link ListFacts}) for the rules that need other lists.
 */
public final class ListRule {

    private static final Pattern STEP_WORDS = Pattern.compile(
            "(?i)步骤|流程|顺序|过程|工作原理|steps?\\b|process|procedure|order\\b|workflow|how to|^how\\b.*\\bworks?\\b");

    private static final Pattern ORDINAL_LABEL = Pattern.compile(
            "(?i)^(?:第[一二三四五六七八九十\\d]{1,3}[次步轮阶段]|step\\s*\\d{1,2}|(?:first|second|third|fourth|fifth|sixth|finally|lastly|then|next|after that|afterwards)\\b|首先|然后|接着|其次|最后)\\s*[:：、.,，)）-]?\\s*");

    private ListRule() {
    }

    /** Items of list {@code block}; {@code previous} is the block before it (an introducing paragraph), or null. */
    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block, NoteDocument.Block previous, List<ListFacts> lists) {
        NoteDocument.Section section = ctx.section();
        List<QuizItem> items = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        int definitions = 0;
        // The entries are read in the language of the list itself; the list's own cards in that of its section.
        SectionContext listCtx = SectionContext.of(ctx.document(), section, List.of(block), ctx.factory());
        ComparisonRule.Sides sides = ComparisonRule.sides(section.heading());
        for (String raw : block.items()) {
            // A contrast under an aspect label ("开销：进程…，线程…") is a comparison, not the definition of "开销".
            List<QuizItem> contrast = ComparisonRule.items(listCtx, block, raw);
            boolean comparing = !contrast.isEmpty() || ComparisonRule.contrasts(section.heading(), raw);
            // Under "A 与 B 的区别" an entry's label is an aspect ("内存占用：LinkedList 每个节点…"), unless it names a side.
            boolean aspect = sides != null && !raw.startsWith(sides.a()) && !raw.startsWith(sides.b());
            List<QuizItem> found = comparing || aspect ? contrast : DefinitionRule.items(listCtx, block, raw, false);
            definitions += comparing && contrast.isEmpty() ? 1 : 0;
            if (!found.isEmpty()) {
                // In a numbered list, "step: detail" entries are still steps: they keep the list's own items.
                definitions += block.kind() == NoteDocument.Kind.ORDERED_LIST ? 0 : 1;
                items.addAll(found);
            }
            entries.add(Text.plain(ctx.document().unmask(raw.replace('\n', ' '))));
        }
        // Entries that open with their place ("第一次：…", "Step 2: …") are steps; the places would give the order away.
        long placed = entries.stream().filter(e -> ORDINAL_LABEL.matcher(e).lookingAt()).count();
        boolean ordinals = entries.size() >= 2 && placed * 2 >= entries.size();
        if (ordinals) {
            entries.replaceAll(e -> ORDINAL_LABEL.matcher(e).replaceFirst(""));
        }
        String topic = topic(ctx, previous);
        if (topic.isEmpty() || entries.size() < 2 || definitions * 2 > entries.size()
                || entries.stream().anyMatch(e -> e.length() > 120 || e.isEmpty())) {
            return items;
        }
        boolean zh = ctx.zh();
        String intro = previous != null && previous.kind() == NoteDocument.Kind.PARAGRAPH ? previous.raw() : "";
        boolean steps = ordinals || STEP_WORDS.matcher(topic + " " + intro).find();
        if (steps && entries.size() >= 3) {
            var ordering = ctx.item("ordering", ItemType.ORDERING, topic);
            items.add(ordering.prompt(ctx.wording().order(topic)).answers(entries).options(Shuffle.never(entries, ordering.id())).lines(block)
                    .difficulty(Difficulty.HARD).build());
        }
        int length = entries.stream().mapToInt(String::length).sum();
        // Short entries are recalled as a list; so are up to four one-sentence rules when the section has nothing
        // else ("Closing channels": four rules of a line each), a long card but the section's only fact.
        boolean enumerable = entries.size() <= 8 && length <= entries.size() * (zh ? 30 : 60)
                || entries.size() <= 4 && length <= entries.size() * (zh ? 50 : 100) && items.isEmpty() && section.blocks().size() == 1;
        if (!enumerable && !steps) {
            lists.add(new ListFacts(section, block, topic, entries, zh, lists.size(), false));
            return items;
        }
        ListFacts facts = new ListFacts(section, block, topic, entries, zh, lists.size(), steps && entries.size() >= 3);
        items.add(ctx.item("list-recall", ItemType.BASIC, topic).prompt(ctx.wording().listRecall(facts.label(), entries.size()))
                .answer(String.join("\n", entries)).lines(block).difficulty(Difficulty.HARD).build());
        lists.add(facts);
        return items;
    }

    private static final java.util.regex.Pattern INTRO_TAIL = java.util.regex.Pattern.compile(
            "(?:主要|一般|通常)?(?:有以下几[种类个点条]|有如下几[种类个点条]|有以下|有如下|包括以下几[种类个点条]|包括|如下|有)$|(?i)\\s+(?:are|is|include)(?:\\s+as follows)?$");

    /** What a list is about: the paragraph that introduces it ("...：" / "...:") or else the heading. */
    static String topic(SectionContext ctx, NoteDocument.Block previous) {
        if (previous != null && previous.kind() == NoteDocument.Kind.PARAGRAPH) {
            String intro = Text.plain(ctx.document().unmask(previous.raw())).strip();
            if ((intro.endsWith("：") || intro.endsWith(":")) && intro.length() <= 60) {
                // "常用指令有以下几种：" is about 常用指令, "The main options are as follows:" about the main options
                String named = INTRO_TAIL.matcher(intro.substring(0, intro.length() - 1).strip()).replaceFirst("").strip();
                return named.isEmpty() ? ctx.section().heading() : named;
            }
        }
        return ctx.section().heading();
    }
}
