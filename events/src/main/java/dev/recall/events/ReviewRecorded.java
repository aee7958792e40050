package dev.recall.events;

import java.time.Instant;

/** progress-service recorded a review and rescheduled the card; keyed by card id. */
public record ReviewRecorded(
        String reviewId,
        String tenant,
        String userId,
        String cardId,
        String itemId,
        int rating,
        String state,
        double stability,
        double difficulty,
        Instant reviewedAt,
        Instant due) implements EventData {
}
