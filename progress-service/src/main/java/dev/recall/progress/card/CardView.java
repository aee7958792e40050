package dev.recall.progress.card;

import java.time.Instant;

/** A card as its learner sees it. */
public record CardView(String cardId, String itemId, String state, Instant due, double stability, double difficulty,
                       int scheduledDays, int reps, int lapses, Instant lastReview, boolean suspended, Instant buriedUntil) {

    public static CardView of(Card card) {
        return new CardView(card.id.toString(), card.itemId, card.state, card.due, card.stability, card.difficulty,
                card.scheduledDays, card.reps, card.lapses, card.lastReview, card.suspended, card.buriedUntil);
    }
}
