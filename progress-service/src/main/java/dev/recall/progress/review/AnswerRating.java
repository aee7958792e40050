package dev.recall.progress.review;

import dev.recall.events.AnswerGraded;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a graded quiz answer into an FSRS rating: wrong is Again; right is Good, Easy when fast and Hard when
 * slow. The thresholds are configurable because a cloze and a matching item take very different times.
 */
@ApplicationScoped
public class AnswerRating {

    @ConfigProperty(name = "recall.answers.fast-ms", defaultValue = "5000")
    long fastMs;

    @ConfigProperty(name = "recall.answers.slow-ms", defaultValue = "30000")
    long slowMs;

    public int of(AnswerGraded answer) {
        return rate(answer.correct(), answer.latencyMs(), fastMs, slowMs);
    }

    static int rate(boolean correct, long latencyMs, long fastMs, long slowMs) {
        if (!correct) {
            return 1;
        }
        if (latencyMs >= 0 && latencyMs < fastMs) {
            return 4;
        }
        return latencyMs > slowMs ? 2 : 3;
    }
}
