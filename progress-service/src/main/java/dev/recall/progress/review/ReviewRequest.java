package dev.recall.progress.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;
import java.util.UUID;

/**
 * A self-rated review: 1 Again, 2 Hard, 3 Good, 4 Easy. {@code reviewedAt} defaults to now and lies between 1970 and two
 * minutes ahead of the server ({@link ReviewService}); {@code durationMs} is at most a day.
 */
public record ReviewRequest(
        @NotNull UUID cardId,
        @NotNull @Min(value = 1, message = "{progress.rating}")
        @Max(value = 4, message = "{progress.rating}") Integer rating,
        Instant reviewedAt,
        @PositiveOrZero @Max(value = 86_400_000, message = "{progress.review.duration}") Long durationMs) {
}
