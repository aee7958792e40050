package dev.recall.progress.settings;

import dev.recall.progress.scheduler.SchedulerOptions;

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
        return String.join(" ", steps.stream().map(LearnerSettings::formatStep).toList());
    }

    public static String formatStep(Duration step) {
        long seconds = step.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** Parses "1m", "10m", "2h", "1d", "30s"; throws IllegalArgumentException on anything else. */
    public static Duration parseStep(String text) {
        String step = text.strip();
        if (!step.matches("[1-9][0-9]{0,5}[mhd]")) {
            throw new IllegalArgumentException("'" + text + "' is not a step like 1m, 10m, 1h or 1d (whole minutes, hours or days)");
        }
        long amount = Long.parseLong(step.substring(0, step.length() - 1));
        return switch (step.charAt(step.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    public static List<Duration> parseSteps(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.strip().split("[\\s,]+")).map(LearnerSettings::parseStep).toList();
    }
}
