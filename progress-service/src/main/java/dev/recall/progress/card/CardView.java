package dev.recall.progress.card;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** A card as its learner sees it. */
public record CardView(@Schema(format = "uuid") String cardId, String itemId,
                       @Schema(enumeration = {"NEW", "LEARNING", "REVIEW", "RELEARNING"}) String state, Instant due,
                       double stability, double difficulty, int scheduledDays, int reps, int lapses,
                       @Schema(nullable = true, description = "null before the first review") Instant lastReview, boolean suspended,
                       @Schema(nullable = true, description = "null unless buried") Instant buriedUntil) {

    public static CardView of(Card card) {
        return new CardView(card.id.toString(), card.itemId, card.state, card.due, card.stability, card.difficulty,
                card.scheduledDays, card.reps, card.lapses, card.lastReview, card.suspended, card.buriedUntil);
    }
}
