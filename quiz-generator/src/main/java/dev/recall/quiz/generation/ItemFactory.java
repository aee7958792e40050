package dev.recall.quiz.generation;

import java.util.List;

/** Builds items of one note: the id from note, heading path, generator and key; the note's tags on each. */
final class ItemFactory {

    private final String noteId;
    private final List<String> tags;

    ItemFactory(String noteId, List<String> tags) {
        this.noteId = noteId == null ? "" : noteId;
        this.tags = tags;
    }

    /** The id {@link #item} gives an item; shuffles and distractor picks are seeded with it. */
    String id(String generator, ItemType type, NoteDocument.Section section, String key) {
        return Text.id(noteId, section.headingPath(), generator + ":" + type, key);
    }

    QuizItem item(String generator, String key, ItemType type, String prompt, List<String> answers, List<String> options,
                  String explanation, NoteDocument.Section section, int startLine, int endLine, Difficulty difficulty) {
        String id = id(generator, type, section, key);
        return new QuizItem(id, type, prompt, answers, options, explanation == null ? null : Text.truncate(explanation, 400),
                section.headingPath(), section.sectionId(), startLine, endLine, tags, difficulty, generator);
    }
}
