package dev.recall.quiz.generation;

import dev.recall.quiz.generation.rules.ListFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns a Markdown note into quiz items, deterministically. The learner's explicit cards come first
 * ({@link ExplicitCards}); then items found in the note's structure ({@link ImplicitItems}); then the
 * {@link QualityGate} drops what a learner would not want to answer. Thread-safe and reusable.
 */
public final class Generator {

    /** Notes larger than this are cut: generation stays linear and bounded. */
    public static final int MAX_MARKDOWN_CHARS = 16_000_000;

    /** An item the quality gate dropped, and why. */
    public record Dropped(QuizItem item, String reason) {
    }

    /** What one run gave: the kept items and the dropped ones. */
    public record Result(List<QuizItem> items, List<Dropped> dropped) {
    }

    /**
     * Notes at least this long have their sections worked on in parallel (the common pool and the calling thread):
     * below it the pool's overhead is not worth it. Either way the output is the same.
     */
    public static final int PARALLEL_FROM_CHARS = 32_000;

    private final int parallelFromChars;

    public Generator() {
        this(PARALLEL_FROM_CHARS);
    }

    /** A generator that splits notes of at least {@code parallelFromChars} characters over threads (tests compare both). */
    Generator(int parallelFromChars) {
        this.parallelFromChars = parallelFromChars;
    }

    public List<QuizItem> generate(NoteInput note) {
        return run(note).items();
    }

    public Result run(NoteInput note) {
        String markdown = note.markdown().length() > MAX_MARKDOWN_CHARS ? note.markdown().substring(0, MAX_MARKDOWN_CHARS) : note.markdown();
        NoteDocument document;
        try {
            document = new NoteDocument(markdown);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A parser failure on hostile input must not take the service down; such a note gets no items.
            return new Result(List.of(), List.of());
        }
        ItemFactory factory = new ItemFactory(note.noteId(), note.tags(), document.sections);
        // Sections are independent: a section's items read only the note and the section (and the subsections
        // after it); the note's lists are collected per section and numbered in note order when they are joined.
        boolean parallel = markdown.length() >= parallelFromChars;
        IntStream indexes = IntStream.range(0, document.sections.size());
        if (parallel) {
            indexes = indexes.parallel();
        }
        List<SectionOutput> outputs = indexes.mapToObj(index -> section(document, index, factory)).toList();
        List<ListFacts> lists = new ArrayList<>();
        List<QualityGate.Checked> checked = new ArrayList<>();
        for (SectionOutput output : outputs) {
            int first = lists.size();
            for (ListFacts list : output.lists()) {
                lists.add(list.numbered(first + list.index()));
            }
            checked.addAll(output.checked());
        }
        List<QuizItem> across = List.of();
        try {
            across = ImplicitItems.acrossSections(lists, factory, parallel);
        } catch (RuntimeException | StackOverflowError e) {
            // as for a section: these items are lost, the others stay
        }
        IntStream acrossIndexes = IntStream.range(0, across.size());
        List<QuizItem> acrossItems = across;
        checked.addAll((parallel ? acrossIndexes.parallel() : acrossIndexes).mapToObj(i -> QualityGate.check(acrossItems.get(i))).toList());
        List<Dropped> dropped = new ArrayList<>();
        List<QuizItem> kept = unique(QualityGate.filterChecked(checked, dropped));
        return new Result(kept, List.copyOf(dropped));
    }

    /** A section's items as the quality gate checked them alone, and the lists the section's rules kept. */
    private record SectionOutput(List<QualityGate.Checked> checked, List<ListFacts> lists) {
    }

    private static SectionOutput section(NoteDocument document, int index, ItemFactory factory) {
        NoteDocument.Section section = document.sections.get(index);
        List<ListFacts> lists = new ArrayList<>();
        List<QuizItem> sectionItems = new ArrayList<>();
        List<NoteDocument.Block> implicitBlocks = new ArrayList<>();
        try {
            for (NoteDocument.Block block : section.blocks()) {
                List<QuizItem> explicit = ExplicitCards.from(document, section, block, factory);
                sectionItems.addAll(explicit);
                if (explicit.isEmpty()) {
                    implicitBlocks.add(block);
                }
            }
            sectionItems.addAll(ImplicitItems.from(document, section, implicitBlocks, factory, lists,
                    () -> subsectionNames(document, index)));
        } catch (RuntimeException | StackOverflowError e) {
            // A defect on odd input costs that section its items, never the whole note (fuzz tests hunt these);
            // the lists its rules kept before it stay, as they always did.
            sectionItems = List.of();
        }
        List<QualityGate.Checked> checked = new ArrayList<>(sectionItems.size());
        for (QuizItem item : sectionItems) {
            checked.add(QualityGate.check(item));
        }
        if (checked.stream().allMatch(c -> c.problem() != null)) {
            try {
                for (QuizItem item : ImplicitItems.lastResort(document, section, implicitBlocks, factory)) {
                    checked.add(QualityGate.check(item));
                }
            } catch (RuntimeException | StackOverflowError e) {
                // as above: odd input costs this section its item, never the note
            }
        }
        return new SectionOutput(checked, lists);
    }

    /** Identifiers named in the prose of the (at most 5) subsections right after section {@code index}. */
    private static List<String> subsectionNames(NoteDocument document, int index) {
        List<String> path = document.sections.get(index).headingPath();
        List<String> names = new ArrayList<>();
        for (int next = index + 1; next < Math.min(document.sections.size(), index + 6); next++) {
            List<String> other = document.sections.get(next).headingPath();
            if (path.isEmpty() || other.size() <= path.size() || !other.subList(0, path.size()).equals(path)) {
                break;
            }
            names.addAll(ImplicitItems.mentionedIdentifiers(document, document.sections.get(next).blocks()));
        }
        return names;
    }

    /** One item per id: the first wins (explicit items come first). */
    private static List<QuizItem> unique(List<QuizItem> items) {
        Map<String, QuizItem> byId = new LinkedHashMap<>(items.size() * 4 / 3 + 1);
        for (QuizItem item : items) {
            byId.putIfAbsent(item.id(), item);
        }
        return List.copyOf(byId.values());
    }
}
