package dev.recall.content.web;

import dev.recall.platform.problem.Text;

import dev.recall.content.note.TextRules;
import dev.recall.platform.input.Inputs;
import dev.recall.platform.paging.Page;
import dev.recall.platform.problem.ProblemException;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Path and query parameters as the content API reads them: anything a client gets wrong (an id that is not a
 * UUID, a number out of range or not a number, text with NUL or too long) is a 400 naming the parameter,
 * before a query runs. The resources take parameters as strings so that no framework conversion turns a
 * bad one into a 404 or a 500.
 */
public final class Params {

    /** Versions are counted from 1; a note never gets anywhere near this many. */
    public static final long MAX_VERSION = Integer.MAX_VALUE;

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Params() {
    }

    /** A required id in the canonical 8-4-4-4-12 form (any case). */
    public static UUID uuid(String name, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw ProblemException.invalid(name, Text.of("content.uuid"));
        }
        return UUID.fromString(value);
    }

    /** An optional id as the database stores it (lower case), or null when absent. */
    public static String uuidText(String name, String value) {
        return value == null ? null : uuid(name, value).toString().toLowerCase(Locale.ROOT);
    }

    /** An optional whole number in {@code min..max}, or null when absent (empty counts as absent, like an empty cursor). */
    public static Long number(String name, String value, long min, long max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Inputs.wholeNumber(name, value, min, max);
    }

    /** An optional page size (1 to {@link Page#MAX_LIMIT}), or null for the list's default. */
    public static Integer limit(String value) {
        Long n = number("limit", value, 1, Page.MAX_LIMIT);
        return n == null ? null : n.intValue();
    }

    /** An optional version number (1 to {@link #MAX_VERSION}), or null when absent. */
    public static Long version(String name, String value) {
        return number(name, value, 1, MAX_VERSION);
    }

    /** Optional free text: at most {@code maxLength} characters, no NUL, no lone surrogate. */
    public static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalid(name, Text.of("constraint.Size.max.characters", maxLength));
        }
        TextRules.requireValid(name, value);
        return value;
    }
}
