package dev.recall.quiz.preview;

import dev.recall.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** NoteText counts UTF-8 bytes without encoding: checked against the JDK's encoder on random text. */
class NoteTextTests {

    /** Characters of every UTF-8 length, pairs, lone halves of pairs and control characters. */
    private static final char[] ALPHABET = {'a', ' ', '\n', '\t', '\r', 'é', 'ß', '中', '→', '\uFFFD', '\uD83D', '\uDE00', '\u0000',
            '\u0007', '\u007F', '\u0080', '\u07FF', '\u0800'};

    @Test
    void refusesExactlyWhatTheEncoderAndTheCharacterRulesRefuse() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String s = text.toString();
            int bytes = s.getBytes(StandardCharsets.UTF_8).length;
            int limit = random.nextInt(30);
            ProblemException refused = NoteText.refusal(s, limit);
            if (bytes > limit) {
                assertThat(refused).as("%s, %d bytes, limit %d", escaped(s), bytes, limit).isNotNull();
                assertThat(refused.status()).isEqualTo(413);
            } else if (firstBad(s) >= 0) {
                assertThat(refused).as(escaped(s)).isNotNull();
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.detail().args()).contains(firstBad(s));
            } else {
                assertThat(refused).as(escaped(s)).isNull();
            }
        }
    }

    @Test
    void aMillionBytesPassAndOneMoreDoesNot() {
        assertThat(NoteText.refusal("x".repeat(1_000_000), 1_000_000)).isNull();
        assertThat(NoteText.refusal("x".repeat(1_000_001), 1_000_000).status()).isEqualTo(413);
        assertThat(NoteText.refusal("中".repeat(333_333) + "x", 1_000_000)).isNull(); // 999,999 + 1 bytes
        assertThat(NoteText.refusal("中".repeat(333_334), 1_000_000).status()).isEqualTo(413);
        assertThat(NoteText.refusal("\uD83D\uDE00".repeat(250_000), 1_000_000)).isNull();
        assertThat(NoteText.refusal("\uD83D\uDE00".repeat(250_000) + "a", 1_000_000).status()).isEqualTo(413);
    }

    /** The index of the first lone surrogate or control character other than tab, CR and LF, or -1 (by code points). */
    private static int firstBad(String s) {
        for (int i = 0; i < s.length(); i++) {
            int cp = s.codePointAt(i);
            if (cp >= 0xD800 && cp <= 0xDFFF || cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' || cp == 0x7F) {
                return i;
            }
            if (cp > 0xFFFF) {
                i++;
            }
        }
        return -1;
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
