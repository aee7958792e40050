package dev.recall.quiz.generation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Text#normalise} skips NFKC for the characters it leaves alone or drops anyway: the answer must not change. */
class TextNormaliseTests {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> fast = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().range('\u0000', '\u007f')),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('\u4e00', '\u9fff')),
                net.jqwik.api.Tuple.of(2, Arbitraries.of('→', '←', '↑', '↓', '↔', '↕', '↖', '↗', '↘', '↙', '、', '。', '《', '》', '「', '」',
                        '（', '）', '：', '？', '！', '“', '”', '‘', '’', '—', '–', '…', '·', '\u3000')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u2190', '\u21ff')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('\u0338', 'é', 'Ａ', '①', '\u00a0')));
        return fast.list().ofMaxSize(40).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    @Property(tries = 5000)
    void givesWhatNfkcGives(@ForAll("texts") String text) {
        assertThat(Text.normalise(text)).as(text).isEqualTo(Text.normaliseSlowly(text));
    }

    @Test
    void dropsArrowsAndPunctuationAndFoldsCase() {
        assertThat(Text.normalise("加载 → 链接 → 初始化")).isEqualTo("加载链接初始化");
        assertThat(Text.normalise("Ａ→Ｂ")).isEqualTo("ab");
        assertThat(Text.normalise("→\u0338")).isEqualTo(Text.normaliseSlowly("→\u0338"));
    }
}
