package dev.recall.events;

import java.util.List;

/** Events of quiz-service on {@link Topics#ITEMS}, keyed by note id: only the difference of one regeneration. */
public final class ItemEvents {

    /** A quiz item as other services see it. {@code itemId} is stable across edits of the note. */
    public record Item(
            String itemId,
            String type,
            String prompt,
            List<String> answers,
            List<String> options,
            List<String> headingPath,
            String explanation,
            List<String> tags) {
    }

    /**
     * {@code authorId} and {@code visibility} are the note's, so consumers can keep a private note's
     * items away from other learners.
     */
    public record ItemsUpserted(String noteId, String tenant, String authorId, String visibility, String deckId,
                                long noteVersion, List<Item> items)
            implements EventData {
    }

    public record ItemsRetired(String noteId, String tenant, long noteVersion, List<String> itemIds)
            implements EventData {
    }

    private ItemEvents() {
    }
}
