package dev.recall.progress.scheduler;

/** How well the learner recalled the card. */
public enum Rating {
    AGAIN, HARD, GOOD, EASY;

    /** 1 (Again) to 4 (Easy), as in FSRS. */
    public int value() {
        return ordinal() + 1;
    }

    public static Rating of(int value) {
        if (value < 1 || value > 4) {
            throw new IllegalArgumentException("rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not " + value);
        }
        return values()[value - 1];
    }
}
