package dev.recall.progress.scheduler;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything FSRS needs to know about one card. {@code learningSteps} is the index of the current
 * (re)learning step; {@code lastReview} is null until the first review.
 */
public record CardState(State state, Instant due, double stability, double difficulty, int scheduledDays,
                        int learningSteps, int reps, int lapses, Instant lastReview) {

    public CardState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
    }

    public static CardState newCard(Instant now) {
        return new CardState(State.NEW, now, 0, 0, 0, 0, 0, 0, null);
    }

    /**
     * The card started again as new and due {@code now} ("forget"): its memory state and reps are cleared,
     * its lapses kept as history, as the review log keeps its reviews.
     */
    public CardState reset(Instant now) {
        return new CardState(State.NEW, now, 0, 0, 0, 0, 0, lapses, null);
    }
}
