package dev.recall.quiz.preview;

import dev.recall.platform.problem.Text;

/** Whether a note body is text a person wrote: no lone UTF-16 surrogates, no NUL or other control characters. */
final class NoteText {

    private NoteText() {
    }

    /** Why {@code text} is not acceptable note text, or null when it is. */
    static Text problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Text.of("quiz.text.surrogate", i);
            }
            if (Character.isLowSurrogate(c)) {
                return Text.of("quiz.text.surrogate", i);
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                return Text.of("quiz.text.control", String.format("%04X", (int) c), i);
            }
        }
        return null;
    }
}
