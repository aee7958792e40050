package dev.recall.progress.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;
import java.util.UUID;

/** A self-rated review: 1 Again, 2 Hard, 3 Good, 4 Easy. {@code reviewedAt} defaults to now. */
public record ReviewRequest(
        @NotNull UUID cardId,
        @NotNull @Min(value = 1, message = "must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
        @Max(value = 4, message = "must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)") Integer rating,
        Instant reviewedAt,
        @PositiveOrZero Long durationMs) {
}
