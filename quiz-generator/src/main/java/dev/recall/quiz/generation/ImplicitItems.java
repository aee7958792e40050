package dev.recall.quiz.generation;

import dev.recall.quiz.generation.rules.ActionRule;
import dev.recall.quiz.generation.rules.CauseRule;
import dev.recall.quiz.generation.rules.CodeKeywordRule;
import dev.recall.quiz.generation.rules.CodeNameRule;
import dev.recall.quiz.generation.rules.CodeOutputRule;
import dev.recall.quiz.generation.rules.CommandRule;
import dev.recall.quiz.generation.rules.ComparisonRule;
import dev.recall.quiz.generation.rules.DefinitionRule;
import dev.recall.quiz.generation.rules.EnumerationRule;
import dev.recall.quiz.generation.rules.HeadingQuestionRule;
import dev.recall.quiz.generation.rules.KeyFactRule;
import dev.recall.quiz.generation.rules.ListChoiceRule;
import dev.recall.quiz.generation.rules.ListFacts;
import dev.recall.quiz.generation.rules.ListRule;
import dev.recall.quiz.generation.rules.PairRule;
import dev.recall.quiz.generation.rules.ProcessRule;
import dev.recall.quiz.generation.rules.TrendRule;
import dev.recall.quiz.generation.rules.QuestionAnswerRule;
import dev.recall.quiz.generation.rules.SectionContext;
import dev.recall.quiz.generation.rules.SidesRule;
import dev.recall.quiz.generation.rules.TableRule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Items found in ordinary notes: which rule of {@link dev.recall.quiz.generation.rules} reads which block. The note's
 * own question-and-answer pairs ("问：…" / "答：…") first, then paragraphs:
 * the heading's question, definitions, pairs, comparisons, causes, enumerations, processes, trends, what the heading's subject does. Lists: their entries'
 * definitions and contrasts, recall and ordering. Tables, code. Then the rules that need every list of the note:
 * membership choices and the two sides of a comparison. A section of nothing but shell commands: the command its heading asks for.
 * A section of prose none of them read: a cloze on its most specific span.
 */
final class ImplicitItems {

    private ImplicitItems() {
    }

    static List<QuizItem> from(NoteDocument doc, NoteDocument.Section section, List<NoteDocument.Block> blocks, ItemFactory factory,
                               List<ListFacts> lists, Supplier<List<String>> subsectionNames) {
        List<QuizItem> items = new ArrayList<>();
        SectionContext ctx = SectionContext.of(doc, section, blocks, factory);
        boolean questionHeading = HeadingQuestionRule.asks(section.heading());
        List<String> mentioned = null;
        Set<NoteDocument.Block> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        items.addAll(QuestionAnswerRule.items(ctx, blocks, taken));
        for (int i = 0; i < blocks.size(); i++) {
            NoteDocument.Block block = blocks.get(i);
            if (taken.contains(block)) {
                continue;
            }
            switch (block.kind()) {
                case PARAGRAPH -> {
                    items.addAll(questionHeading && i == 0 ? HeadingQuestionRule.items(ctx, block) : DefinitionRule.items(ctx, block, block.raw(), true));
                    items.addAll(PairRule.items(ctx, block));
                    items.addAll(ComparisonRule.items(ctx, block, block.raw()));
                    items.addAll(CauseRule.items(ctx, block));
                    items.addAll(EnumerationRule.items(ctx, block));
                    items.addAll(ProcessRule.items(ctx, block));
                    items.addAll(TrendRule.items(ctx, block));
                    items.addAll(ActionRule.items(ctx, block));
                }
                case BULLET_LIST, ORDERED_LIST -> items.addAll(ListRule.items(ctx, block, i > 0 ? blocks.get(i - 1) : null, lists));
                case TABLE -> items.addAll(TableRule.items(ctx, block));
                case CODE -> {
                    if (mentioned == null) {
                        // Identifiers the prose around the code names: this section first, then its subsections.
                        Set<String> names = new LinkedHashSet<>(CodeNameRule.mentionedIdentifiers(doc, blocks));
                        names.addAll(subsectionNames.get());
                        mentioned = List.copyOf(names);
                    }
                    List<QuizItem> named = CodeNameRule.items(ctx, block, mentioned);
                    items.addAll(named);
                    items.addAll(CodeOutputRule.items(ctx, block, blocks.subList(i + 1, Math.min(blocks.size(), i + 8))));
                    // A name the prose mentions and a keyword can be the same blank ("String"): one item, not two.
                    for (QuizItem keyword : CodeKeywordRule.items(ctx, block)) {
                        if (named.stream().noneMatch(n -> n.answers().equals(keyword.answers()))) {
                            items.add(keyword);
                        }
                    }
                }
            }
        }
        if (items.isEmpty()) {
            items.addAll(CommandRule.items(ctx, blocks)); // a section of nothing but commands: the heading asks for them
        }
        return items;
    }

    /** The last resort for a section that has no item (none made, or none passed the gate): a cloze on its most specific span. */
    static List<QuizItem> lastResort(NoteDocument doc, NoteDocument.Section section, List<NoteDocument.Block> blocks, ItemFactory factory) {
        return KeyFactRule.items(SectionContext.of(doc, section, blocks, factory), blocks);
    }

    /**
     * Items that need other lists: membership choices (distractors from sibling lists) and sides of comparisons, in
     * that order. Each list's items read only the (numbered) lists, so they may be made on several threads.
     */
    static List<QuizItem> acrossSections(List<ListFacts> lists, ItemFactory factory, boolean parallel) {
        List<QuizItem> items = new ArrayList<>();
        for (List<QuizItem> choices : perList(lists, parallel, list -> ListChoiceRule.items(list, lists, factory))) {
            items.addAll(choices);
        }
        for (List<QuizItem> sides : perList(lists, parallel, list -> SidesRule.items(list, lists, factory))) {
            items.addAll(sides);
        }
        return items;
    }

    private static List<List<QuizItem>> perList(List<ListFacts> lists, boolean parallel, Function<ListFacts, List<QuizItem>> rule) {
        IntStream indexes = IntStream.range(0, lists.size());
        return (parallel ? indexes.parallel() : indexes).mapToObj(i -> rule.apply(lists.get(i))).toList();
    }

    static List<String> mentionedIdentifiers(NoteDocument doc, List<NoteDocument.Block> blocks) {
        return CodeNameRule.mentionedIdentifiers(doc, blocks);
    }
}
