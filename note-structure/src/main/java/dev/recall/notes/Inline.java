package dev.recall.notes;

/** Small helpers on inline text. */
final class Inline {

    private Inline() {
    }

    /** Removes {@code <!-- ... -->} (an unclosed comment runs to the end), in one pass. */
    static String withoutComments(String text) {
        int open = text.indexOf("<!--");
        if (open < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (open >= 0) {
            out.append(text, at, open);
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                return out.toString();
            }
            at = close + 3;
            open = text.indexOf("<!--", at);
        }
        return out.append(text, at, text.length()).toString();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
