package dev.recall.platform.input;

import dev.recall.platform.problem.Text;

import dev.recall.platform.problem.ProblemException;

/**
 * The one check of the text a client names things with (query parameters, path ids, ids in a body): absent
 * stays absent, anything else must be 1 to {@code max} characters without control characters (NUL above all:
 * PostgreSQL refuses it in text, which used to surface as a 500) or broken surrogate pairs; and the one check
 * of a whole number a client sends as text ({@code ?limit=abc} is a 400 naming it, not JAX-RS's 404). Pure.
 */
public final class Inputs {

    /** Note, deck and item ids, tags and type names are far shorter; this only keeps junk out of the database. */
    public static final int MAX_NAME = 200;

    private Inputs() {
    }

    /** {@code value}, or a 400 naming {@code field}; null (absent) passes as null. */
    public static String name(String field, String value) {
        if (value == null) {
            return null;
        }
        Text problem = problem(value, MAX_NAME);
        if (problem != null) {
            throw ProblemException.invalid(field, problem);
        }
        return value;
    }

    /** A page size given as text, defaulting to {@code fallback}, within 1..max or a 400. */
    public static int limit(String raw, int fallback, int max) {
        return number("limit", raw, fallback, 1, max);
    }

    /** A whole number from a query parameter, {@code fallback} when absent, else within min..max or a 400 naming {@code field}. */
    public static int number(String field, String raw, int fallback, int min, int max) {
        return raw == null ? fallback : (int) wholeNumber(field, raw, min, max);
    }

    /** {@code raw} (present) as a whole number within min..max, or a 400 naming {@code field}. */
    public static long wholeNumber(String field, String raw, long min, long max) {
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, Text.of("input.whole-number", min, max));
        }
        if (value < min || value > max) {
            throw ProblemException.invalid(field, Text.of("input.between", min, max));
        }
        return value;
    }

    /** What is wrong with {@code value}, or null when it is fine. */
    public static Text problem(String value, int max) {
        if (value.isEmpty()) {
            return Text.of("constraint.NotEmpty");
        }
        if (value.length() > max) {
            return Text.of("constraint.Size.max.characters", max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return Text.of("input.control");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Text.of("input.surrogate");
            }
        }
        return null;
    }
}
