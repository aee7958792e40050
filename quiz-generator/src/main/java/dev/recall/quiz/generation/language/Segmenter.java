package dev.recall.quiz.generation.language;

import com.huaban.analysis.jieba.viterbi.FinalSeg;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chinese word segmentation with jieba (com.huaban:jieba-analysis, a dictionary + HMM segmenter), so that terms,
 * cloze spans and distractors start and end on word boundaries. Chosen over HanLP portable and Lucene smartcn after
 * trying all three here: jieba segments interview vocabulary right ("线程|是", "资源分配") where both others cut
 * "线|程"; its jar is 2.2 MB with one small dependency (smartcn needs 9.6 MB of Lucene, HanLP portable is 8 MB).
 *
 * <p>jieba's segmentation, not its data structures: jieba keeps its ~350,000-word dictionary in a trie of boxed
 * characters and a map of boxed frequencies, ~73 MB of heap that took ~1 s to load and that every full collection
 * of quiz-service's small serial-GC heap marked again (most of the gap between the generator alone and generation
 * over HTTP). {@link IndexModeSegmenter} does what {@code JiebaSegmenter.process(text, SegMode.INDEX)} does, token
 * for token, over {@link CompactDictionary}, the same words and log-frequencies read from jieba's own
 * {@code dict.txt} into three flat arrays (~6.5 MB, ~0.3 s); jieba's HMM for unknown words ({@code FinalSeg}, ~3 MB)
 * is used as it is, and {@code JiebaSegmenter}/{@code WordDictionary} are never loaded. The tests hold jieba as the
 * oracle. It is loaded once, lazily or by {@link #warmUp()}, and only short windows of text are ever segmented (a
 * definition's term, a cloze answer), so generation stays linear and fast on big notes.
 */
public final class Segmenter {

    /** Longer text is not segmented: boundaries are only asked near terms, which are short. */
    public static final int MAX_WINDOW = 200;

    private Segmenter() {
    }

    private static final class Holder {
        static final IndexModeSegmenter SEGMENTER = new IndexModeSegmenter(CompactDictionary.load(), FinalSeg.getInstance());
    }

    /** Loads the dictionary now (e.g. on a background thread at start-up) rather than on the first Chinese note. */
    public static void warmUp() {
        Holder.SEGMENTER.tokens("预热");
    }

    /** Sees every window segmented (tests compare them with jieba's own segmentation); null in production. */
    static volatile Consumer<String> windowWatcher;

    /**
     * The last windows segmented on this thread and their boundaries: the rules of one paragraph ask about the same
     * window more than once (a pair's two subjects in a short sentence are one window). Only the last few are kept,
     * so a note's memory and the answers do not depend on what came long before.
     */
    private static final int RECENT = 4;
    private static final ThreadLocal<Recent> RECENT_WINDOWS = ThreadLocal.withInitial(Recent::new);

    private static final class Recent {
        final String[] texts = new String[RECENT];
        final BitSet[] cuts = new BitSet[RECENT];
        int next;

        BitSet get(String text) {
            for (int i = 0; i < RECENT; i++) {
                if (text.equals(texts[i])) {
                    return cuts[i];
                }
            }
            return null;
        }

        void put(String text, BitSet boundaries) {
            texts[next] = text;
            cuts[next] = boundaries;
            next = (next + 1) % RECENT;
        }
    }

    /** The word boundaries of {@code text} (offsets 0..length, true where a word starts or ends). */
    public static BitSet boundaries(String text) {
        Recent recent = RECENT_WINDOWS.get();
        BitSet known = recent.get(text);
        if (known == null) {
            known = segment(text);
            recent.put(text, known);
        }
        return (BitSet) known.clone(); // callers may change theirs
    }

    private static BitSet segment(String text) {
        BitSet cuts = new BitSet(text.length() + 1);
        cuts.set(0);
        cuts.set(text.length());
        if (text.isEmpty()) {
            return cuts;
        }
        String window = text.length() > MAX_WINDOW ? text.substring(0, MAX_WINDOW) : text;
        Consumer<String> watcher = windowWatcher;
        if (watcher != null) {
            watcher.accept(window);
        }
        int[] tokens = Holder.SEGMENTER.tokens(window);
        // Tokens are taken left to right, skipping any that starts inside the last one taken. INDEX mode lists a
        // long word's dictionary sub-words before the word, so a sub-word can win over it (a five-character word
        // whose first two and middle two characters are words is cut after its second and fourth): that is how the
        // items were made since jieba came in, so it stays.
        int covered = 0;
        for (int t = 0; t < tokens.length; t += 2) {
            if (tokens[t] >= covered) {
                cuts.set(tokens[t]);
                cuts.set(tokens[t + 1]);
                covered = tokens[t + 1];
            }
        }
        for (int i = window.length(); i <= text.length(); i++) {
            cuts.set(i); // past the window: every position counts as a boundary
        }
        return cuts;
    }

    /** The words of {@code text} (at most {@link #MAX_WINDOW} characters are segmented; the rest is one word). */
    public static List<String> words(String text) {
        BitSet cuts = boundaries(text);
        List<String> words = new ArrayList<>();
        int start = 0;
        int last = Math.min(text.length(), MAX_WINDOW);
        for (int i = cuts.nextSetBit(1); i >= 0; i = cuts.nextSetBit(i + 1)) {
            if (i >= last) {
                words.add(text.substring(start));
                break;
            }
            words.add(text.substring(start, i));
            start = i;
        }
        return words;
    }

    /** The word of {@code text} that contains the character at {@code index}, as its text. */
    public static String wordAt(String text, int index) {
        int from = Math.max(0, index - 40);
        String window = text.substring(from, Math.min(text.length(), index + 40));
        BitSet cuts = boundaries(window);
        int at = index - from;
        int start = cuts.previousSetBit(at);
        int end = cuts.nextSetBit(at + 1);
        return window.substring(Math.max(0, start), end < 0 ? window.length() : end);
    }

    /** True when {@code [start, end)} of {@code text} starts and ends on word boundaries. */
    public static boolean isWordSpan(String text, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            return false;
        }
        BitSet cuts = boundaries(text);
        return cuts.get(start) && cuts.get(end);
    }
}
