package dev.recall.progress.scheduler;

/**
 * The FSRS-6 memory formulas: stability, difficulty and retrievability. Rounding to 8 decimals and the
 * clamps follow ts-fsrs 5.4.2 step by step, because results must agree with it to 1e-6 after many reviews.
 */
final class MemoryModel {

    static final double S_MIN = 0.001;
    private static final double S_MAX = 36500;
    static final double INIT_S_MAX = 100;

    private final double[] w;
    private final boolean shortTerm;
    private final double decay;
    private final double factor;
    final double intervalModifier;
    /** initDifficulty(EASY) and exp(w[8]), the same every review: computed once (StrictMath's pow and exp cost ~100 ns each). */
    private final double initDifficultyEasy;
    private final double expW8;

    record Memory(double difficulty, double stability) {
    }

    MemoryModel(SchedulerOptions options) {
        this.shortTerm = options.enableShortTerm();
        this.w = clip(options.w(), options.relearningSteps().size(), shortTerm);
        this.decay = -w[20];
        // Same operation order as ts-fsrs (pow(decay, -1) * log(0.9)), so the last bit agrees before rounding.
        this.factor = roundTo(StrictMath.exp(StrictMath.pow(decay, -1) * StrictMath.log(0.9)) - 1, 8);
        this.intervalModifier = roundTo((StrictMath.pow(options.requestRetention(), 1 / decay) - 1) / factor, 8);
        this.initDifficultyEasy = initDifficulty(Rating.EASY);
        this.expW8 = StrictMath.exp(w[8]);
    }

    /** ts-fsrs clamps every parameter into its trained range; the short-term ceiling shrinks with more relearning steps. */
    static double[] clip(double[] p, int relearningSteps, boolean shortTerm) {
        double[][] range = new double[21][];
        for (int i = 0; i < 21; i++) {
            range[i] = SchedulerOptions.range(i);
        }
        range[19][0] = shortTerm ? 0.01 : 0;
        if (relearningSteps > 1) {
            double w11 = clamp(p[11], range[11][0], range[11][1]);
            double w13 = clamp(p[13], range[13][0], range[13][1]);
            double w14 = clamp(p[14], range[14][0], range[14][1]);
            double value = -(StrictMath.log(w11) + StrictMath.log(StrictMath.pow(2, w13) - 1) + w14 * 0.3) / relearningSteps;
            double ceiling = clamp(roundTo(Math.sqrt(Math.max(value, 0)), 8), 0.01, 2);
            range[17][1] = ceiling;
            range[18][1] = ceiling;
        }
        double[] clipped = new double[21];
        for (int i = 0; i < 21; i++) {
            clipped[i] = clamp(p[i], range[i][0], range[i][1]);
        }
        return clipped;
    }

    double retrievability(double elapsedDays, double stability) {
        return roundTo(StrictMath.pow(1 + factor * elapsedDays / stability, decay), 8);
    }

    double initStability(Rating g) {
        return Math.max(w[g.ordinal()], 0.1);
    }

    /** Not clamped here: the mean reversion target uses the raw value for Easy. */
    double initDifficulty(Rating g) {
        return roundTo(w[4] - StrictMath.exp((g.value() - 1) * w[5]) + 1, 8);
    }

    /** The memory after a review {@code t} whole days after the previous one; {@code r} is the retrievability then. */
    Memory next(Memory memory, int t, Rating g, double r) {
        double d = memory.difficulty();
        double s = memory.stability();
        if (d == 0 && s == 0) {
            return new Memory(clamp(initDifficulty(g), 1, 10), initStability(g));
        }
        if (d < 1 || s < S_MIN) {
            throw new IllegalArgumentException("invalid memory state: difficulty " + d + ", stability " + s);
        }
        double nextS;
        if (t == 0 && shortTerm) {
            nextS = shortTermStability(s, g);
        } else if (g == Rating.AGAIN) {
            double afterFail = forgetStability(d, s, r);
            double floor = shortTerm ? s / StrictMath.exp(w[17] * w[18]) : s;
            nextS = clamp(roundTo(floor, 8), S_MIN, afterFail);
        } else {
            nextS = recallStability(d, s, r, g);
        }
        return new Memory(nextDifficulty(d, g), nextS);
    }

    /**
     * {@link #next(Memory, int, Rating, double)} for Hard, Good and Easy at once (a preview needs all three):
     * their recall stabilities share {@code exp(w8) * (11 - d) * s^-w9 * (e^((1-r) w10) - 1)}, so its pow and exp
     * are computed once instead of three times. The same products in the same order, so the same bits.
     */
    Memory[] nextRecalled(Memory memory, int t, double r) {
        double d = memory.difficulty();
        double s = memory.stability();
        if ((d == 0 && s == 0) || (t == 0 && shortTerm) || d < 1 || s < S_MIN) {
            return new Memory[]{next(memory, t, Rating.HARD, r), next(memory, t, Rating.GOOD, r), next(memory, t, Rating.EASY, r)};
        }
        double shared = expW8 * (11 - d) * StrictMath.pow(s, -w[9]) * (StrictMath.exp((1 - r) * w[10]) - 1);
        return new Memory[]{
                // x * 1 is x exactly: Good's factors of 1 and Hard's easy bonus of 1 are left out.
                new Memory(nextDifficulty(d, Rating.HARD), recallStability(s, shared * w[15])),
                new Memory(nextDifficulty(d, Rating.GOOD), recallStability(s, shared)),
                new Memory(nextDifficulty(d, Rating.EASY), recallStability(s, shared * w[16]))};
    }

    Memory next(Memory memory, int t, Rating g) {
        boolean initial = memory.difficulty() == 0 && memory.stability() == 0;
        return next(memory, t, g, initial ? 0 : retrievability(t, memory.stability()));
    }

    private double nextDifficulty(double d, Rating g) {
        double delta = -w[6] * (g.value() - 3);
        double damped = d + roundTo(delta * (10 - d) / 9, 8);
        return clamp(roundTo(w[7] * initDifficultyEasy + (1 - w[7]) * damped, 8), 1, 10);
    }

    private double recallStability(double d, double s, double r, Rating g) {
        double hardPenalty = g == Rating.HARD ? w[15] : 1;
        double easyBonus = g == Rating.EASY ? w[16] : 1;
        return recallStability(s, expW8 * (11 - d) * StrictMath.pow(s, -w[9])
                * (StrictMath.exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus);
    }

    /** {@code growth}: exp(w8) (11 - d) s^-w9 (e^((1-r) w10) - 1) times the hard penalty and the easy bonus, in that order. */
    private static double recallStability(double s, double growth) {
        return roundTo(clamp(s * (1 + growth), S_MIN, S_MAX), 8);
    }

    private double forgetStability(double d, double s, double r) {
        return roundTo(clamp(w[11] * StrictMath.pow(d, -w[12]) * (StrictMath.pow(s + 1, w[13]) - 1)
                * StrictMath.exp((1 - r) * w[14]), S_MIN, S_MAX), 8);
    }

    private double shortTermStability(double s, Rating g) {
        double increase = StrictMath.pow(s, -w[19]) * StrictMath.exp(w[17] * (g.value() - 3 + w[18]));
        double masked = g.value() >= Rating.HARD.value() ? Math.max(increase, 1) : increase;
        return roundTo(clamp(s * masked, S_MIN, S_MAX), 8);
    }

    static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }

    /** 10^0 .. 10^22, each exactly representable as a double (so equal to StrictMath.pow(10, n)). */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int n = 0; n < POWERS_OF_TEN.length; n++) {
            POWERS_OF_TEN[n] = power;
            power *= 10;
        }
    }

    /**
     * JavaScript's Math.round(x * 10^n) / 10^n: halves round towards positive infinity. The scale comes from a table:
     * StrictMath.pow costs ~100 ns and, on JDK 25, allocates ~100 bytes a call, and this runs a dozen times per review
     * step (the due queue's previews made it 30% of progress-service's allocation).
     */
    static double roundTo(double value, int decimals) {
        double scale = decimals >= 0 && decimals < POWERS_OF_TEN.length ? POWERS_OF_TEN[decimals] : StrictMath.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
