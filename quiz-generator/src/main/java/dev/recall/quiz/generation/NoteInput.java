package dev.recall.quiz.generation;

import java.util.List;

/** A note to generate items from: its id (part of every item id), Markdown body and tags. */
public record NoteInput(String noteId, String markdown, List<String> tags) {
    public NoteInput {
        markdown = markdown == null ? "" : markdown;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
