package dev.recall.content.note;

import dev.recall.platform.problem.Text;

import dev.recall.platform.problem.ProblemException;

/**
 * ETag / If-Match for notes. The ETag is the note's version, quoted ({@code "3"}). Updates must send
 * If-Match (428 without it, so a client cannot overwrite a change it has not seen); a stale one is a 412.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", Text.of("content.note.if-match-required"));
        }
    }

    /**
     * If-None-Match on a read (RFC 9110 13.1.2, weak comparison): true when it is {@code *} or lists the current
     * version, so the client's copy is current and the answer is 304.
     */
    public static boolean notModified(String ifNoneMatch, long current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || unquoted(t).equals(Long.toString(current))) {
                return true;
            }
        }
        return false;
    }

    private static String unquoted(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** Passes when {@code ifMatch} is absent (only where optional), {@code *}, or lists the current version. */
    public static void check(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) {
                return;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.equals(Long.toString(current))) {
                return;
            }
        }
        throw new ProblemException(412, "stale-etag", Text.of("content.note.stale-etag", ifMatch, etag(current)));
    }
}
