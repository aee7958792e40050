package dev.recall.content.note;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.recall.events.NoteEvents.Section;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A note as the API returns it. */
public record NoteView(
        UUID id,
        String title,
        String markdown,
        List<String> tags,
        @Schema(nullable = true) String deckId,
        @Schema(nullable = true) String language,
        @Schema(enumeration = {"private", "tenant", "public"}) String visibility,
        String authorId,
        long version,
        List<Section> outline,
        Instant createdAt,
        Instant updatedAt) {

    public static NoteView of(Note note) {
        return new NoteView(note.id, note.title, note.markdown, List.of(note.tags), note.deckId, note.language, note.visibility,
                note.authorId, note.version, note.outline(), note.createdAt, note.updatedAt);
    }
}
