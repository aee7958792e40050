package dev.recall.progress.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** The recorded review and the card's new schedule. */
public record ReviewResult(String reviewId, String cardId, int rating, Instant reviewedAt, @Schema(enumeration = {"NEW", "LEARNING", "REVIEW", "RELEARNING"}) String state, Instant due,
                           int scheduledDays, double stability, double difficulty) {
}
