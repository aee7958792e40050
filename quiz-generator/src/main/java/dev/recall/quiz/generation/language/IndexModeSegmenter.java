package dev.recall.quiz.generation.language;

import com.huaban.analysis.jieba.CharacterUtil;
import com.huaban.analysis.jieba.viterbi.FinalSeg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * jieba's segmentation in its INDEX mode ({@code JiebaSegmenter.process(text, SegMode.INDEX)} of jieba-analysis
 * 1.0.2), written again over {@link CompactDictionary} so that jieba's big dictionary is never loaded; jieba's HMM for
 * runs of unknown characters ({@code FinalSeg}, a small model) and its character classes ({@code CharacterUtil}) are
 * used as they are. The steps, each as jieba takes them so that the tokens come out the same, offsets included:
 * <ol>
 *   <li>characters are regularised (full-width to ASCII, upper to lower case); runs of Chinese letters, ASCII letters,
 *       digits and {@code +#&._-} are sentences, every other character is a token of its own;</li>
 *   <li>in a sentence, every dictionary word starting at each position is an edge, and the route from the end back
 *       to the start takes at each position the edge with the highest log-frequency plus the best route after it
 *       (a character that starts no word counts the dictionary's smallest log-frequency; on a tie the shorter word);</li>
 *   <li>consecutive single characters of the route are joined and, unless they are one character or a dictionary
 *       word, handed to the HMM;</li>
 *   <li>each word longer than two characters is preceded by its two-character and then its three-character
 *       sub-words that are in the dictionary (the INDEX mode).</li>
 * </ol>
 * jieba advances its offsets by the length of each word it emits, whatever the HMM returned, and starts again from
 * the real position after each sentence; so does this.
 */
final class IndexModeSegmenter {

    private final CompactDictionary dictionary;
    private final FinalSeg hmm;

    IndexModeSegmenter(CompactDictionary dictionary, FinalSeg hmm) {
        this.dictionary = dictionary;
        this.hmm = hmm;
    }

    /** jieba's INDEX-mode tokens of {@code text}, in jieba's order, as {@code [start0, end0, start1, end1, …]}. */
    int[] tokens(String text) {
        Tokens tokens = new Tokens();
        char[] sentence = new char[text.length()];
        int sentenceLength = 0;
        int offset = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = CharacterUtil.regularize(text.charAt(i));
            if (CharacterUtil.ccFind(c)) {
                sentence[sentenceLength++] = c;
                continue;
            }
            if (sentenceLength > 0) {
                segmentSentence(sentence, sentenceLength, offset, tokens);
                sentenceLength = 0;
                offset = i;
            }
            tokens.add(offset, offset + 1);
            offset++;
        }
        if (sentenceLength > 0) {
            segmentSentence(sentence, sentenceLength, offset, tokens);
        }
        return tokens.toArray();
    }

    private void segmentSentence(char[] sentence, int length, int offset, Tokens tokens) {
        int[] routeEnds = route(sentence, length);
        int runStart = -1; // a run of single characters on the route, joined as jieba joins them
        for (int at = 0; at < length; ) {
            int end = routeEnds[at];
            if (end - at == 1) {
                if (runStart < 0) {
                    runStart = at;
                }
            } else {
                if (runStart >= 0) {
                    offset = emitRun(sentence, runStart, at, offset, tokens);
                    runStart = -1;
                }
                offset = emitWord(sentence, at, end, offset, tokens);
            }
            at = end;
        }
        if (runStart >= 0) {
            emitRun(sentence, runStart, length, offset, tokens);
        }
    }

    /**
     * For each position, where the best route's first word from there ends. Each position's edges are found by
     * walking the sorted table: the range of words that start with the characters seen so far shrinks with each
     * further character, and a word equal to them is the range's first.
     */
    private int[] route(char[] sentence, int length) {
        int[] ends = new int[length + 1];
        double[] best = new double[length + 1];
        best[length] = 0;
        for (int at = length - 1; at >= 0; at--) {
            int bestEnd = -1;
            double bestScore = 0;
            long range = dictionary.rangeOf(sentence[at]);
            for (int depth = 1; CompactDictionary.first(range) < CompactDictionary.end(range); depth++) {
                int first = CompactDictionary.first(range);
                boolean isWord = dictionary.length(first) == depth;
                if (isWord) {
                    double score = dictionary.logFrequency(first) + best[at + depth];
                    if (bestEnd < 0 || bestScore < score) {
                        bestEnd = at + depth;
                        bestScore = score;
                    }
                }
                if (at + depth >= length) {
                    break;
                }
                range = dictionary.narrow(CompactDictionary.range(isWord ? first + 1 : first, CompactDictionary.end(range)),
                        depth, sentence[at + depth]);
            }
            if (bestEnd < 0) {
                bestEnd = at + 1;
                bestScore = dictionary.unknownLogFrequency() + best[at + 1];
            }
            ends[at] = bestEnd;
            best[at] = bestScore;
        }
        return ends;
    }

    private int emitRun(char[] sentence, int from, int to, int offset, Tokens tokens) {
        if (to - from == 1 || dictionary.find(sentence, from, to) >= 0) {
            return emitWord(sentence, from, to, offset, tokens);
        }
        List<String> words = new ArrayList<>();
        hmm.cut(new String(sentence, from, to - from), words);
        for (String word : words) {
            char[] characters = word.toCharArray();
            offset = emitWord(characters, 0, characters.length, offset, tokens);
        }
        return offset;
    }

    private int emitWord(char[] characters, int from, int to, int offset, Tokens tokens) {
        int length = to - from;
        if (length > 2) {
            for (int j = 0; j < length - 1; j++) {
                if (dictionary.find(characters, from + j, from + j + 2) >= 0) {
                    tokens.add(offset + j, offset + j + 2);
                }
            }
        }
        if (length > 3) {
            for (int j = 0; j < length - 2; j++) {
                if (dictionary.find(characters, from + j, from + j + 3) >= 0) {
                    tokens.add(offset + j, offset + j + 3);
                }
            }
        }
        tokens.add(offset, offset + length);
        return offset + length;
    }

    private static final class Tokens {
        private int[] pairs = new int[32];
        private int size;

        void add(int start, int end) {
            if (size + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = start;
            pairs[size++] = end;
        }

        int[] toArray() {
            return Arrays.copyOf(pairs, size);
        }
    }
}
