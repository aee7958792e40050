package dev.recall.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Section ids: a hash of the heading path and its occurrence among equal paths ("s-" and 12 hex digits). An id
 * survives every edit that does not touch the headings above and at the section: rewording its body, adding a
 * sibling section after it.
 */
final class SectionIds {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<String, Integer> occurrences = new HashMap<>();

    String next(List<String> path) {
        return nextOfKeys(path.stream().map(SectionIds::key).toList());
    }

    /** {@link #next} of a path whose titles are already {@link #key keys} (a builder keys each heading once, not once per section under it). */
    String nextOfKeys(List<String> keys) {
        String key = String.join("\u0000", keys);
        int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
        return id(key + "\u0000" + occurrence);
    }

    /** A title as the id sees it: inline code without its backticks, white space collapsed. */
    static String key(String title) {
        String text = title.replace("`", " ");
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (" \t\n\u000B\f\r".indexOf(c) >= 0) { // what \\s is in a Java pattern
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        if (space) {
            out.append(' ');
        }
        return out.toString().strip();
    }

    private static String id(String key) {
        byte[] digest = SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return "s-" + HexFormat.of().formatHex(digest, 0, 6);
    }
}
