package dev.recall.quiz.preview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Markdown to preview items for; nothing is stored. */
public record GenerateRequest(@NotBlank(message = "must not be empty") String markdown, @Size(max = 50) List<@NotNull(message = "must not contain null") String> tags) {
}
