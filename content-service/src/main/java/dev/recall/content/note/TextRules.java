package dev.recall.content.note;

import dev.recall.platform.problem.Text;

import dev.recall.platform.problem.ProblemException;

/**
 * Checks on text that bean validation does not cover: PostgreSQL text cannot hold NUL, and a lone UTF-16
 * surrogate (a JSON {@code \ud800} escape) is not valid Unicode, so it cannot be stored as UTF-8.
 */
public final class TextRules {

    private TextRules() {
    }

    public static void requireValid(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new ProblemException(400, "invalid-text", Text.of("content.text.nul", field));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new ProblemException(400, "invalid-utf8", Text.of("content.text.surrogate", field));
            }
        }
    }
}
