package dev.recall.content.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What an author sends to create a note. */
public record NoteRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull @Size(max = NoteRequest.MAX_MARKDOWN_CHARS, message = "{content.markdown.size}") String markdown,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> tags,
        @Size(max = 100) String deckId,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "{content.language}") String language,
        @Pattern(regexp = "private|tenant|public", message = "{content.visibility}") String visibility) {

    public static final int MAX_MARKDOWN_CHARS = 1_000_000;
}
