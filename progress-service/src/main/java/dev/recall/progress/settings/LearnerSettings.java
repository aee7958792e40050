package dev.recall.progress.settings;

import java.time.ZoneId;

/**
 * A learner's scheduling preferences. Until settings are stored per learner, everyone gets these defaults.
 */
public record LearnerSettings(ZoneId timeZone, int dayStartHour, int newCardsPerDay, int reviewsPerDay) {

    public static LearnerSettings defaults() {
        return new LearnerSettings(ZoneId.of("UTC"), 4, 20, 200);
    }
}
