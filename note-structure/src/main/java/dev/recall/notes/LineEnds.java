package dev.recall.notes;

/**
 * The whole-line tests {@code .*[set]$} and {@code .*[^set]$} without a regex: the expressions backtrack over the
 * whole line for one character at its end. Exact: Java's {@code .} refuses line terminators (no DOTALL), so the
 * characters before the last must contain none.
 */
final class LineEnds {

    private LineEnds() {
    }

    /** What {@code Pattern.compile(".*[" + set + "]$").matcher(text).matches()} says (set of BMP characters). */
    static boolean endsWithOneOf(String text, String set) {
        int n = text.length();
        return n > 0 && set.indexOf(text.charAt(n - 1)) >= 0 && !hasLineTerminator(text, 0, n - 1);
    }

    /** What {@code Pattern.compile(".*[^" + set + "]$").matcher(text).matches()} says (set of BMP characters). */
    static boolean endsWithNoneOf(String text, String set) {
        int n = text.length();
        if (n == 0) {
            return false;
        }
        char last = text.charAt(n - 1);
        // A surrogate pair at the end is one code point for the class: the characters before it must pass '.'.
        int before = n >= 2 && Character.isLowSurrogate(last) && Character.isHighSurrogate(text.charAt(n - 2)) ? n - 2 : n - 1;
        return set.indexOf(last) < 0 && !hasLineTerminator(text, 0, before);
    }

    /** A character Java's {@code .} does not match in {@code [from, to)}: \n, \r, U+0085, U+2028, U+2029. */
    static boolean hasLineTerminator(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
