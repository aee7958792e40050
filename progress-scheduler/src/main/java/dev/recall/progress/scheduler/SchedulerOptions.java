package dev.recall.progress.scheduler;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * FSRS-6 options, with the same meaning and defaults as ts-fsrs 5.4.2. Steps are whole minutes, as ts-fsrs
 * counts them.
 */
public record SchedulerOptions(double[] w, double requestRetention, int maximumInterval, List<Duration> learningSteps,
                               List<Duration> relearningSteps, boolean enableShortTerm, boolean enableFuzz) {

    private static final double[] DEFAULT_W = {
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
            1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

    public SchedulerOptions {
        if (w == null || w.length != 21) {
            throw new IllegalArgumentException("FSRS-6 needs exactly 21 parameters");
        }
        for (double x : w) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("parameters must be finite numbers");
            }
        }
        w = w.clone();
        if (!(requestRetention > 0 && requestRetention < 1)) {
            throw new IllegalArgumentException("request retention must be between 0 and 1, exclusive");
        }
        if (maximumInterval < 1) {
            throw new IllegalArgumentException("maximum interval must be at least 1 day");
        }
        if (learningSteps == null || relearningSteps == null) {
            throw new IllegalArgumentException("learning and relearning steps must be lists (possibly empty), not null");
        }
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
        for (Duration step : concat(learningSteps, relearningSteps)) {
            if (step.isNegative() || step.isZero() || step.toSeconds() % 60 != 0) {
                throw new IllegalArgumentException("steps must be positive whole minutes, not " + step);
            }
        }
    }

    /**
     * The range ts-fsrs trains each parameter in, and clamps it into before use (w17 and w18 narrower with more
     * relearning steps, w19 at least 0.01 with short-term scheduling). An API takes only parameters inside.
     */
    private static final double[][] RANGES = {
            {MemoryModel.S_MIN, MemoryModel.INIT_S_MAX}, {MemoryModel.S_MIN, MemoryModel.INIT_S_MAX},
            {MemoryModel.S_MIN, MemoryModel.INIT_S_MAX}, {MemoryModel.S_MIN, MemoryModel.INIT_S_MAX},
            {1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75}, {0, 4.5}, {0, 0.8}, {0.001, 3.5}, {0.001, 5},
            {0.001, 0.25}, {0.001, 0.9}, {0, 4}, {0, 1}, {1, 6}, {0, 2}, {0, 2}, {0, 0.8}, {0.1, 0.8}};

    /** [min, max] of parameter {@code i} (0..20). */
    public static double[] range(int i) {
        return RANGES[i].clone();
    }

    /** The decay the memory model uses (w20, clamped into its range as the model does): never 0. */
    public double decay() {
        return Math.min(Math.max(w[20], RANGES[20][0]), RANGES[20][1]);
    }

    public static SchedulerOptions defaults() {
        return new SchedulerOptions(DEFAULT_W, 0.9, 36500, List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
                List.of(Duration.ofMinutes(10)), true, false);
    }

    /** A copy: records expose their components, and the parameters must stay as validated. */
    @Override
    public double[] w() {
        return w.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchedulerOptions o && Arrays.equals(w, o.w) && requestRetention == o.requestRetention
                && maximumInterval == o.maximumInterval && learningSteps.equals(o.learningSteps)
                && relearningSteps.equals(o.relearningSteps) && enableShortTerm == o.enableShortTerm && enableFuzz == o.enableFuzz;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w) * 31 + Double.hashCode(requestRetention) + maximumInterval;
    }

    @Override
    public String toString() {
        return "SchedulerOptions[w=" + Arrays.toString(w) + ", requestRetention=" + requestRetention + ", maximumInterval="
                + maximumInterval + ", learningSteps=" + learningSteps + ", relearningSteps=" + relearningSteps
                + ", enableShortTerm=" + enableShortTerm + ", enableFuzz=" + enableFuzz + "]";
    }

    private static List<Duration> concat(List<Duration> a, List<Duration> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
