package dev.recall.platform.inbox;

import java.time.Duration;

/** Exponential back-off: {@code initial}, doubled on every attempt, never above {@code max}. Pure. */
final class Backoff {

    private Backoff() {
    }

    /** The pause before retry number {@code attempt} (1 = the first retry). */
    static Duration pause(Duration initial, Duration max, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        int doublings = Math.min(attempt - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
