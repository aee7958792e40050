package dev.recall.progress.input;

import dev.recall.platform.problem.ProblemException;

/**
 * The checks of what clients name and count things with in progress-service: a name (an enrolment target, a
 * card state) is 1 to 200 characters without control characters (PostgreSQL refuses NUL in text, which used
 * to surface as a 500) or broken surrogate pairs, and a number in a query ({@code ?limit=abc}) is a whole
 * number in its range; anything else is a 400 naming the field. Pure.
 */
public final class Inputs {

    public static final int MAX_NAME = 200;

    private Inputs() {
    }

    /** {@code value}, or a 400 naming {@code field}; null (absent) passes as null. */
    public static String name(String field, String value) {
        if (value == null) {
            return null;
        }
        String problem = problem(value);
        if (problem != null) {
            throw ProblemException.invalid(field, problem);
        }
        return value;
    }

    /** A whole number from a query parameter, {@code fallback} when absent, else within min..max or a 400. */
    public static int number(String field, String raw, int fallback, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw ProblemException.invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "must not be empty";
        }
        if (value.length() > MAX_NAME) {
            return "must be at most " + MAX_NAME + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters (such as NUL)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (a lone surrogate)";
            }
        }
        return null;
    }
}
