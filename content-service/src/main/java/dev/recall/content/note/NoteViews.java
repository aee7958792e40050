package dev.recall.content.note;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.recall.content.diff.LineDiff;
import dev.recall.content.outline.OutlineSection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shapes the notes API returns besides {@link NoteView}. */
public final class NoteViews {

    private NoteViews() {
    }

    /** A note in a list: everything but the body. */
    public record NoteSummary(UUID id, String title, List<String> tags, @Schema(nullable = true) String deckId,
                              @Schema(nullable = true) String language, @Schema(enumeration = {"private", "tenant", "public"}) String visibility,
                              String authorId, long version, Instant createdAt, Instant updatedAt,
                              @Schema(nullable = true, description = "null unless the note is deleted") Instant deletedAt) {
    }

    public record VersionSummary(long version, String change, String title, List<String> tags, @Schema(nullable = true) String deckId,
                                 @Schema(enumeration = {"private", "tenant", "public"}) String visibility, String editedBy, Instant createdAt) {
    }

    public record VersionView(UUID noteId, long version, String change, String title, String markdown, List<String> tags,
                              @Schema(nullable = true) String deckId, @Schema(nullable = true) String language, @Schema(enumeration = {"private", "tenant", "public"}) String visibility, String editedBy, Instant createdAt) {
    }

    public record DiffView(UUID noteId, long from, long to, String unified, List<LineDiff.Change> changes,
                           int linesAdded, int linesRemoved, List<FieldChange> fields) {
    }

    /** A metadata field that differs between two versions. */
    public record FieldChange(String field, Object from, Object to) {
    }

    public record OutlineView(UUID noteId, long version, int wordCount, List<OutlineSection> sections) {
    }
}
