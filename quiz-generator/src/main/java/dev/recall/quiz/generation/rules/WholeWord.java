package dev.recall.quiz.generation.rules;

/**
 * A literal name as a whole word of code, found without compiling an expression for each name: what
 * {@code (?<![\w])} + {@code Pattern.quote(name)} + {@code (?![\w])} finds ({@code \w} is {@code [A-Za-z0-9_]}, as
 * in a Java pattern without flags), with the characters that may not stand before it given. The rules asked a
 * new pattern for every name of every code block; these are the same matches, left to right, without overlaps.
 */
final class WholeWord {

    private WholeWord() {
    }

    /** Where {@code name} first stands in {@code text} from {@code from} on, with no word character (nor one of {@code notBefore}) before it and no word character after it; -1 if nowhere. */
    static int find(String text, String name, int from, String notBefore) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an empty name");
        }
        for (int at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + 1)) {
            if (bounded(text, at, name.length(), notBefore)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * {@link #find} with the letters of an ASCII {@code name} matched without case, as {@code Pattern.CASE_INSENSITIVE}
     * does (ASCII letters only: no other character folds).
     */
    static int findIgnoringAsciiCase(String text, String name, String notBefore) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an empty name");
        }
        for (int at = 0; at + name.length() <= text.length(); at++) {
            if (sameIgnoringAsciiCase(text, at, name) && bounded(text, at, name.length(), notBefore)) {
                return at;
            }
        }
        return -1;
    }

    /** {@code text} with every whole-word {@code name} (see {@link #find}) replaced by {@code replacement}. */
    static String replaceAll(String text, String name, String notBefore, String replacement) {
        int at = find(text, name, 0, notBefore);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (at >= 0) {
            out.append(text, copied, at).append(replacement);
            copied = at + name.length();
            at = find(text, name, copied, notBefore);
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean bounded(String text, int at, int length, String notBefore) {
        if (at > 0) {
            char before = text.charAt(at - 1);
            if (isWordChar(before) || notBefore.indexOf(before) >= 0) {
                return false;
            }
        }
        int end = at + length;
        return end == text.length() || !isWordChar(text.charAt(end));
    }

    private static boolean sameIgnoringAsciiCase(String text, int at, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (lowerAscii(text.charAt(at + i)) != lowerAscii(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** {@code \w} of a Java pattern without flags. */
    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
