package dev.recall.progress.review;

import java.time.Instant;

/** The recorded review and the card's new schedule. */
public record ReviewResult(String reviewId, String cardId, int rating, Instant reviewedAt, String state, Instant due,
                           int scheduledDays, double stability, double difficulty) {
}
