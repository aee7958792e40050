package dev.recall.progress.settings;

import dev.recall.progress.scheduler.SchedulerOptions;
import dev.recall.progress.scheduler.Steps;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * A learner's preferences: when their study day starts, how much they take on per day, and how FSRS
 * schedules their cards.
 */
public record LearnerSettings(ZoneId timeZone, int dayStartHour, int newCardsPerDay, int reviewsPerDay,
                              SchedulerOptions scheduler) {

    public static LearnerSettings defaults() {
        return new LearnerSettings(ZoneId.of("UTC"), 4, 20, 200, SchedulerOptions.defaults());
    }

    /** Steps as the API writes them: "1m", "10m", "1h", "1d". */
    public static String formatSteps(List<Duration> steps) {
        return String.join(" ", steps.stream().map(Steps::format).toList());
    }

    public static List<Duration> parseSteps(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.strip().split("[\\s,]+")).map(Steps::parse).toList();
    }
}
