package dev.recall.platform.deadletter;

import java.time.Instant;

/**
 * One parked message as an operator sees it: where it sits, why it was parked, where it came from, and
 * enough of it to decide whether to replay it.
 *
 * @param value the record's value, cut to {@link DeadLetters#PREVIEW_CHARS} characters ({@code truncated} says so)
 */
public record DeadLetterRecord(
        int partition,
        long offset,
        String key,
        Instant timestamp,
        String reason,
        String cause,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String eventId,
        String eventType,
        String tenant,
        String value,
        boolean truncated) {
}
