package dev.recall.progress.scheduler;

import java.time.Duration;

/** Learning steps written as ts-fsrs writes them: whole minutes, hours or days ("1m", "10m", "2h", "1d"). */
public final class Steps {

    private Steps() {
    }

    /** Parses one step; IllegalArgumentException for anything else (including seconds, which ts-fsrs lacks). */
    public static Duration parse(String text) {
        String step = text == null ? "" : text.strip();
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

    /** The shortest form: 60m is "1h", 1440m is "1d". */
    public static String format(Duration step) {
        long minutes = step.toMinutes();
        if (minutes % 1440 == 0) {
            return minutes / 1440 + "d";
        }
        if (minutes % 60 == 0) {
            return minutes / 60 + "h";
        }
        return minutes + "m";
    }
}
