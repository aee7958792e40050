package dev.recall.progress.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * A learner's statistics. {@code trueRetention} is the share of reviews of cards in the Review state that were
 * not Again (null without such reviews); mastery is the mean current retrievability of reviewed cards.
 */
public record Stats(
        List<DayCount> reviewsPerDay,
        Double trueRetention,
        int retentionSampleSize,
        List<DayCount> forecast,
        int streakDays,
        List<Mastery> masteryByTag,
        List<Mastery> masteryBySection) {

    public record DayCount(LocalDate day, int count) {
    }

    /** {@code key} is a tag, or a note id and heading path joined by " > ". */
    public record Mastery(String key, String noteId, int cards, int reviewedCards, double meanRetrievability) {
    }
}
