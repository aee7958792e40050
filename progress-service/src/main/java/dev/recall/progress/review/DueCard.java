package dev.recall.progress.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A card in today's queue with what the client needs to show it and its four answer buttons. */
public record DueCard(
        @Schema(format = "uuid") String cardId,
        String itemId,
        String noteId,
        @Schema(enumeration = {"NEW", "LEARNING", "REVIEW", "RELEARNING"}) String state,
        Instant due,
        @Schema(enumeration = {"BASIC", "REVERSED", "CLOZE", "MULTIPLE_CHOICE", "TRUE_FALSE", "ORDERING", "MATCHING"}) String type,
        String prompt,
        List<String> answers,
        @Schema(nullable = true) List<String> options,
        List<String> headingPath,
        @Schema(nullable = true) String explanation,
        List<Preview> previews) {

    /** What pressing one button would do: the card's next due and interval. */
    public record Preview(@Schema(minimum = "1", maximum = "4") int rating,
                          @Schema(enumeration = {"again", "hard", "good", "easy"}) String ratingName, Instant due, int scheduledDays, @Schema(enumeration = {"NEW", "LEARNING", "REVIEW", "RELEARNING"}) String state) {
    }
}
