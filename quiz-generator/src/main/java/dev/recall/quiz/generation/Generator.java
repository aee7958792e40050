package dev.recall.quiz.generation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        ItemFactory factory = new ItemFactory(note.noteId(), note.tags());
        List<dev.recall.quiz.generation.rules.ListFacts> lists = new ArrayList<>();
        List<QuizItem> items = new ArrayList<>();
        for (int index = 0; index < document.sections.size(); index++) {
            NoteDocument.Section section = document.sections.get(index);
            int at = index;
            try {
                List<NoteDocument.Block> implicitBlocks = new ArrayList<>();
                List<QuizItem> sectionItems = new ArrayList<>();
                for (NoteDocument.Block block : section.blocks()) {
                    List<QuizItem> explicit = ExplicitCards.from(document, section, block, factory);
                    sectionItems.addAll(explicit);
                    if (explicit.isEmpty()) {
                        implicitBlocks.add(block);
                    }
                }
                sectionItems.addAll(ImplicitItems.from(document, section, implicitBlocks, factory, lists,
                        () -> subsectionNames(document, at)));
                items.addAll(sectionItems);
            } catch (RuntimeException | StackOverflowError e) {
                // A defect on odd input costs that section its items, never the whole note (fuzz tests hunt these).
            }
        }
        try {
            items.addAll(ImplicitItems.acrossSections(lists, factory));
        } catch (RuntimeException | StackOverflowError e) {
            // as above: these items are lost, the others stay
        }
        List<Dropped> dropped = new ArrayList<>();
        List<QuizItem> kept = unique(QualityGate.filter(items, dropped));
        return new Result(kept, List.copyOf(dropped));
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
