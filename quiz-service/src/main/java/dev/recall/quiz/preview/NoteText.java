package dev.recall.quiz.preview;

/** Whether a note body is text a person wrote: no lone UTF-16 surrogates, no NUL or other control characters. */
final class NoteText {

    private NoteText() {
    }

    /** Why {@code text} is not acceptable note text, or null when it is. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "the text has an unpaired UTF-16 surrogate at character " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "the text has an unpaired UTF-16 surrogate at character " + i;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                return "the text has a control character (U+" + String.format("%04X", (int) c) + ") at character " + i + ": binary data is not a note";
            }
        }
        return null;
    }
}
