package dev.recall.quiz.preview;

import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.problem.Text;

/**
 * Whether a note body can be previewed: at most a limit of UTF-8 bytes, and text a person wrote (no lone UTF-16
 * surrogates, no NUL or other control characters). One pass over the text, which is up to a million characters,
 * instead of encoding it to UTF-8 to count its bytes and then reading it again.
 */
final class NoteText {

    private NoteText() {
    }

    /**
     * Why {@code text} is refused, or null when it is not: 413 when its UTF-8 form (as {@code getBytes(UTF_8)} would
     * make it) is over {@code maxBytes}, whatever else is wrong with it; else 400 at its first bad character.
     */
    static ProblemException refusal(String text, int maxBytes) {
        long bytes = 0;
        Text problem = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
                if (problem == null && (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f)) {
                    problem = Text.of("quiz.text.control", String.format("%04X", (int) c), i);
                }
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++; // the encoder writes '?' for it
                if (problem == null) {
                    problem = Text.of("quiz.text.surrogate", i);
                }
            } else {
                bytes += 3;
            }
            if (bytes > maxBytes) {
                return new ProblemException(413, "too-large", Text.of("quiz.preview.too-large", maxBytes));
            }
        }
        return problem == null ? null : new ProblemException(400, "invalid-text", problem);
    }
}
