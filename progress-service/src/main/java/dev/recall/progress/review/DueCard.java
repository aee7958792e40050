package dev.recall.progress.review;

import java.time.Instant;
import java.util.List;

/** A card in today's queue with what the client needs to show it and its four answer buttons. */
public record DueCard(
        String cardId,
        String itemId,
        String noteId,
        String state,
        Instant due,
        String type,
        String prompt,
        List<String> answers,
        List<String> options,
        List<String> headingPath,
        String explanation,
        List<Preview> previews) {

    /** What pressing one button would do: the card's next due and interval. */
    public record Preview(int rating, String ratingName, Instant due, int scheduledDays, String state) {
    }
}
