package dev.recall.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTests {

    private static final Duration INITIAL = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(10);

    @Test
    void doublesFromTheInitialPauseUpToTheMaximum() {
        assertThat(Backoff.pause(INITIAL, MAX, 1)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.pause(INITIAL, MAX, 2)).isEqualTo(Duration.ofMillis(400));
        assertThat(Backoff.pause(INITIAL, MAX, 6)).isEqualTo(Duration.ofMillis(6400));
        assertThat(Backoff.pause(INITIAL, MAX, 7)).isEqualTo(MAX);
    }

    @Test
    void staysAtTheMaximumForeverWithoutOverflowing() {
        assertThat(Backoff.pause(INITIAL, MAX, 64)).isEqualTo(MAX);
        assertThat(Backoff.pause(INITIAL, MAX, Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void refusesAttemptsBelowOne() {
        assertThatThrownBy(() -> Backoff.pause(INITIAL, MAX, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
