package dev.recall.events;

import java.time.Instant;
import java.util.List;

/** Events of content-service on {@link Topics#NOTES}, keyed by note id. */
public final class NoteEvents {

    /** One heading of a note's outline; {@code sectionId} survives edits that keep the heading. */
    public record Section(String sectionId, int level, String title, List<String> path, int startLine, int endLine) {
    }

    /** The full state of a note, carried by both published and updated events. */
    public record NoteSnapshot(
            String noteId,
            String tenant,
            String authorId,
            String title,
            String markdown,
            List<String> tags,
            String deckId,
            String language,
            String visibility,
            long version,
            List<Section> outline,
            Instant updatedAt) {
    }

    public record NotePublished(NoteSnapshot note) implements EventData {
    }

    public record NoteUpdated(NoteSnapshot note) implements EventData {
    }

    public record NoteDeleted(String noteId, String tenant, long version, Instant deletedAt) implements EventData {
    }

    private NoteEvents() {
    }
}
