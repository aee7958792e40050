package dev.recall.progress.card;

import java.time.Instant;

/** The schedulable state of a card, kept in the review log so an undo restores it exactly. */
public record CardSnapshot(String state, Instant due, double stability, double difficulty, int scheduledDays,
                           int learningSteps, int reps, int lapses, Instant lastReview) {

    public static CardSnapshot of(Card card) {
        return new CardSnapshot(card.state, card.due, card.stability, card.difficulty, card.scheduledDays,
                card.learningSteps, card.reps, card.lapses, card.lastReview);
    }

    public void restore(Card card) {
        card.state = state;
        card.due = due;
        card.stability = stability;
        card.difficulty = difficulty;
        card.scheduledDays = scheduledDays;
        card.learningSteps = learningSteps;
        card.reps = reps;
        card.lapses = lapses;
        card.lastReview = lastReview;
    }
}
