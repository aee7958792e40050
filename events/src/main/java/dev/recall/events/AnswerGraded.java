package dev.recall.events;

import java.time.Instant;

/** A learner answered a quiz item; keyed by item id. {@code latencyMs} feeds the rating (slow = Hard). */
public record AnswerGraded(
        String answerId,
        String tenant,
        String userId,
        String itemId,
        String quizId,
        boolean correct,
        long latencyMs,
        String givenAnswer,
        Instant answeredAt) implements EventData {
}
