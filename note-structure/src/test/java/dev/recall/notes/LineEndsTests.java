package dev.recall.notes;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** LineEnds says what the whole-line expressions it replaces say, on random lines with terminators and surrogates. */
class LineEndsTests {

    private static final String SENTENCE_END = "。.；;，,、!！…:：";
    private static final String CLOSING = ".!?:;。！？：；)）\"”'";
    private static final Pattern ENDS_WITH = Pattern.compile(".*[" + SENTENCE_END + "]$");
    private static final Pattern ENDS_OPEN = Pattern.compile(".*[^" + CLOSING + "]$");
    private static final String ALPHABET = "ab 。.；;，,、!！…:：?)）\"”'\n\r\u0085\u2028\u2029\t字";

    @Test
    void agreesWithTheExpressions() {
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(12) == 0) {
                    line.appendCodePoint(0x1F600 + random.nextInt(10)); // a surrogate pair
                } else {
                    line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            String s = line.toString();
            assertThat(LineEnds.endsWithOneOf(s, SENTENCE_END)).as("%s", s.codePoints().boxed().toList()).isEqualTo(ENDS_WITH.matcher(s).matches());
            assertThat(LineEnds.endsWithNoneOf(s, CLOSING)).as("%s", s.codePoints().boxed().toList()).isEqualTo(ENDS_OPEN.matcher(s).matches());
        }
    }
}
