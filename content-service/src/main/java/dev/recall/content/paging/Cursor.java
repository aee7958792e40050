package dev.recall.content.paging;

import dev.recall.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort key of the last row a page returned. Base64url of
 * {@code kind|value|value...}; the kind stops a cursor of one list being replayed on another.
 * Keyset (not offset) paging stays fast on deep pages and never skips or repeats a row when rows are
 * added while a client pages.
 */
public record Cursor(String kind, List<String> values) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public String encode() {
        StringBuilder raw = new StringBuilder(kind);
        for (String value : values) {
            raw.append('|').append(value.replace("\\", "\\\\").replace("|", "\\p"));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor of(String kind, String... values) {
        return new Cursor(kind, List.of(values));
    }

    /** Null for the first page; a 400 problem for a cursor that is not one of this list's. */
    public static Cursor decode(String kind, String encoded, int arity) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (!parts[0].equals(kind) || parts.length != arity + 1) {
                throw new IllegalArgumentException("not a " + kind + " cursor");
            }
            List<String> values = java.util.Arrays.stream(parts, 1, parts.length)
                    .map(v -> v.replace("\\p", "|").replace("\\\\", "\\")).toList();
            return new Cursor(kind, values);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not valid for this list; start again without it");
        }
    }

    public String value(int i) {
        return values.get(i);
    }

    /** The page size asked for, defaulting to 20; outside 1..100 is a 400. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
