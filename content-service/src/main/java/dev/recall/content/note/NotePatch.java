package dev.recall.content.note;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of PATCH /notes/{id} as the contract declares it: a JSON merge patch (RFC 7396) of a note. A member
 * left out keeps its value; null clears deckId or language. The resource reads the patch as a tree (to tell a
 * missing member from a null one) and checks the merged note like a {@link NoteRequest}.
 */
@Schema(name = "NotePatch", description = "A JSON merge patch (RFC 7396) of a note: members left out keep their value; null clears deckId or language.",
        additionalProperties = Schema.False.class)
public record NotePatch(
        @Schema(minLength = 1, maxLength = 300, examples = "Closures in Python") String title,
        @Schema(maxLength = NoteRequest.MAX_MARKDOWN_CHARS) String markdown,
        @Size(max = 50) List<@Size(min = 1, max = 64) String> tags,
        @Schema(nullable = true, maxLength = 100, description = "a deck id; null takes the note out of its deck") String deckId,
        @Schema(nullable = true, pattern = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", examples = "zh-CN") String language,
        @Schema(enumeration = {"private", "tenant", "public"}) String visibility) {
}
