package dev.recall.platform.paging;

import dev.recall.platform.problem.Text;

import dev.recall.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The one cursor of every list in Recall: an opaque keyset cursor holding the sort key of the last row a
 * page returned. Base64url of {@code kind|value|value...}; the kind stops a cursor of one list being
 * replayed on another. Keyset (not offset) paging stays fast on deep pages and never skips or repeats a
 * row when rows are added while a client pages. Anything a client sends that is not such a cursor is a
 * 400 {@code invalid-cursor} problem.
 */
public record Cursor(String kind, List<String> values) {

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

    /** Longer than any cursor Recall writes: a client is sending something else. */
    static final int MAX_LENGTH = 4096;

    /** Null for the first page (no cursor sent); a 400 problem for a cursor that is not one of this list's. */
    public static Cursor decode(String kind, String encoded, int arity) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        if (encoded.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (!parts[0].equals(kind) || parts.length != arity + 1) {
                throw new IllegalArgumentException("not a " + kind + " cursor");
            }
            List<String> values = Arrays.stream(parts, 1, parts.length)
                    .map(v -> v.replace("\\p", "|").replace("\\\\", "\\")).toList();
            return new Cursor(kind, values);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String value(int i) {
        return values.get(i);
    }

    public UUID uuid(int i) {
        try {
            return UUID.fromString(value(i));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** A count or position: never negative (a forged {@code -5} would become a negative OFFSET in SQL). */
    public long number(int i) {
        try {
            long number = Long.parseLong(value(i));
            if (number < 0) {
                throw invalid();
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** A timestamp value, as the reactive PostgreSQL client binds {@code timestamptz}. */
    public OffsetDateTime time(int i) {
        try {
            return Instant.parse(value(i)).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("invalid-cursor", Text.of("cursor.invalid"));
    }
}
