package dev.recall.quiz.preview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Markdown to preview items for; nothing is stored. */
public record GenerateRequest(@NotBlank String markdown, @Size(max = 50) List<@NotNull(message = "{quiz.null-element}") String> tags) {
}
