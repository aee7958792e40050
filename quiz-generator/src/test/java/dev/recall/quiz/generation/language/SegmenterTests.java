package dev.recall.quiz.generation.language;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import com.huaban.analysis.jieba.WordDictionary;
import com.huaban.analysis.jieba.viterbi.FinalSeg;
import dev.recall.quiz.generation.Generator;
import dev.recall.quiz.generation.NoteInput;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact dictionary and the INDEX-mode segmentation over it against jieba itself (the oracle, loaded here
 * only): the same words and log-frequencies, the same tokens with the same offsets, the same word boundaries.
 */
class SegmenterTests {

    private static final JiebaSegmenter JIEBA = jiebaWithRecallsTerms();
    private static final CompactDictionary DICTIONARY = CompactDictionary.load();
    private static final IndexModeSegmenter COMPACT = new IndexModeSegmenter(DICTIONARY, FinalSeg.getInstance());
    private static final List<String> WORDS = jiebaWords();

    /** jieba with Recall's terms loaded as its user dictionary, which is what the compact dictionary claims to hold. */
    private static JiebaSegmenter jiebaWithRecallsTerms() {
        JiebaSegmenter jieba = new JiebaSegmenter();
        WordDictionary.getInstance().loadUserDict(Path.of("src/main/resources/dev/recall/quiz/generation/language", CompactDictionary.TERMS));
        return jieba;
    }

    private static List<String> jiebaWords() {
        List<String> words = new ArrayList<>();
        for (String word : WordDictionary.getInstance().freqs.keySet()) {
            if (word != null) {
                words.add(word);
            }
        }
        words.sort(null);
        return words;
    }

    @Test
    void holdsJiebasWordsWithTheirExactLogFrequencies() {
        Map<String, Double> jieba = WordDictionary.getInstance().freqs;
        Map<String, Double> compact = new HashMap<>();
        for (int k = 0; k < DICTIONARY.size(); k++) {
            compact.put(DICTIONARY.word(k), DICTIONARY.logFrequency(k));
        }
        assertThat(compact).hasSize(WORDS.size()).hasSizeGreaterThan(340_000);
        for (String word : WORDS) {
            assertThat(compact.get(word)).as(word).isEqualTo(jieba.get(word)); // Double.equals: the same bits
        }
        double unknown = WordDictionary.getInstance().getFreq("不是一个词的字符串");
        assertThat(DICTIONARY.unknownLogFrequency()).isEqualTo(unknown);
    }

    @Test
    void findsWordsAndOnlyWords() {
        for (String word : List.of("线程", "资源分配", "c++", "at&t", "b超", "γ射线", "中华人民共和国", "虚拟机栈", "非聚簇索引")) {
            assertThat(DICTIONARY.contains(word)).as(word).isTrue();
        }
        for (String word : List.of("线程是", "C++", "资源分", "zzzzqq", "中华人民共和国国")) {
            assertThat(DICTIONARY.contains(word)).as(word).isFalse();
        }
    }

    @Test
    void segmentsAsJiebaOnInterviewVocabulary() {
        for (String text : List.of("线程是调度的单位", "进程是资源分配的单位，线程是调度的单位", "中华人民共和国成立了",
                "所谓闭包，就是能够读取其他函数内部变量的函数", "HTTP/1.1 的 keep-alive 与 TCP 三次握手",
                "Ｃ＋＋与Java的区别：ＧＣ、指针", "我爱北京天安门。　今天天气不错123.45元", "")) {
            assertSameAsJieba(text);
        }
    }

    @Test
    void interviewTermsEndOnAWordBoundaryBeforeTheWordAfterThem() {
        // Without Recall's terms jieba reads "虚拟/机/栈是" and "聚簇索引/与非/聚簇索引": no boundary after the term.
        assertThat(Segmenter.boundaries("堆是线程共享的，而虚拟机栈是线程私有的").get("堆是线程共享的，而虚拟机栈".length())).isTrue();
        assertThat(Segmenter.boundaries("聚簇索引与非聚簇索引").get("聚簇索引与".length())).isTrue();
    }

    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> word = Arbitraries.integers().between(0, WORDS.size() - 1).map(WORDS::get);
        Arbitrary<String> upperWord = word.map(w -> w.toUpperCase(java.util.Locale.ROOT));
        Arbitrary<String> chinese = Arbitraries.chars().range('\u4e00', '\u9fa5').map(String::valueOf);
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> marks = Arbitraries.of("，", "。", "、", "：", ":", " ", "  ", "（", "）", "(", ")", "“", "”", "\n", "\t",
                "　", "+", "#", "&", ".", "_", "-", "/", "？", "！", "Ａ", "ｂ", "１", "３．１４", "γ", "é", "\uD83D\uDE00", "\uD800", "的", "是");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, word), net.jqwik.api.Tuple.of(1, upperWord), net.jqwik.api.Tuple.of(3, chinese),
                net.jqwik.api.Tuple.of(2, latin), net.jqwik.api.Tuple.of(1, digits), net.jqwik.api.Tuple.of(3, marks));
        return piece.list().ofMaxSize(120).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 3000)
    void randomMixedTextSegmentsAsJieba(@ForAll("mixedText") String text) {
        assertSameAsJieba(text);
    }

    @Property(tries = 500)
    void anyTextSegmentsAsJieba(@ForAll String text) {
        assertSameAsJieba(text);
    }

    @Test
    void everyWindowTheCorpusAndSampleNotesAskForSegmentsAsJieba() throws IOException {
        Set<String> windows = new LinkedHashSet<>();
        Segmenter.windowWatcher = windows::add;
        try {
            Generator generator = new Generator();
            for (Path note : notes()) {
                generator.generate(new NoteInput(note.getFileName().toString(), Files.readString(note), List.of()));
            }
        } finally {
            Segmenter.windowWatcher = null;
        }
        assertThat(windows).as("the rules ask the segmenter only near terms, but they do ask").isNotEmpty();
        for (String window : windows) {
            assertSameAsJieba(window);
        }
    }

    @Test
    void everyLineOfTheCorpusAndSampleNotesSegmentsAsJieba() throws IOException {
        int lines = 0;
        for (Path note : notes()) {
            for (String line : Files.readAllLines(note)) {
                assertSameAsJieba(line);
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(1000);
    }

    private static List<Path> notes() throws IOException {
        List<Path> notes = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/corpus"), Path.of("../samples/notes"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md")).sorted().forEach(notes::add);
            }
        }
        return notes;
    }

    private static void assertSameAsJieba(String text) {
        List<SegToken> expected = JIEBA.process(text, JiebaSegmenter.SegMode.INDEX);
        List<String> expectedOffsets = new ArrayList<>();
        for (SegToken token : expected) {
            expectedOffsets.add(token.startOffset + "-" + token.endOffset);
        }
        int[] tokens = COMPACT.tokens(text);
        List<String> actualOffsets = new ArrayList<>();
        for (int t = 0; t < tokens.length; t += 2) {
            actualOffsets.add(tokens[t] + "-" + tokens[t + 1]);
        }
        assertThat(actualOffsets).as("tokens of \"%s\"", text).isEqualTo(expectedOffsets);
        assertThat(Segmenter.boundaries(text)).as("boundaries of \"%s\"", text).isEqualTo(jiebaBoundaries(text));
    }

    /** The boundaries as {@link Segmenter} computed them with jieba's own segmenter. */
    private static BitSet jiebaBoundaries(String text) {
        BitSet cuts = new BitSet(text.length() + 1);
        cuts.set(0);
        cuts.set(text.length());
        if (text.isEmpty()) {
            return cuts;
        }
        String window = text.length() > Segmenter.MAX_WINDOW ? text.substring(0, Segmenter.MAX_WINDOW) : text;
        int covered = 0;
        for (SegToken token : JIEBA.process(window, JiebaSegmenter.SegMode.INDEX)) {
            if (token.startOffset >= covered) {
                cuts.set(token.startOffset);
                cuts.set(token.endOffset);
                covered = token.endOffset;
            }
        }
        for (int i = window.length(); i <= text.length(); i++) {
            cuts.set(i);
        }
        return cuts;
    }
}
