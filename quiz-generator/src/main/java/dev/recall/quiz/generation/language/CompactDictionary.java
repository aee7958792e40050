package dev.recall.quiz.generation.language;

import com.huaban.analysis.jieba.viterbi.FinalSeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * jieba's word dictionary (its own {@code dict.txt}, ~350,000 words with counts) in three flat arrays: every word's
 * characters in one {@code char[]} in sorted order, where each word ends, and its log-frequency. jieba itself keeps
 * the same words in a trie of boxed {@code Character} nodes plus a {@code HashMap<String, Double>}: ~85 MB of heap
 * that every full collection marks again. Here the table is ~6.5 MB and holds the same facts, computed the way jieba
 * computes them ({@code log(count / total)} in double precision, counts summed in file order, a later line of the
 * same lower-cased word replacing an earlier one, the smallest log-frequency standing in for unknown words), so the
 * route through a sentence, which compares sums of these numbers, comes out the same.
 *
 * <p>Words sharing a prefix are neighbours in sorted order, so "the words that start with these characters" is a
 * range of the table, found by binary search within the range of the first character (a 64K-entry index).
 */
final class CompactDictionary {

    private static final String RESOURCE = "/dict.txt";
    /** Recall's own words (see the file's head): added as jieba's {@code loadUserDict} adds a user dictionary. */
    static final String TERMS = "terms-zh.txt";

    /** All words' characters, word after word, in {@link String#compareTo} order. */
    private final char[] characters;
    /** {@code ends[k]} is where word {@code k} ends in {@link #characters}; word {@code k} starts at {@code ends[k - 1]}. */
    private final int[] ends;
    private final double[] logFrequencies;
    /** Words starting with character {@code c} are {@code [byFirstCharacter[c], byFirstCharacter[c + 1])}. */
    private final int[] byFirstCharacter;
    private final double unknownLogFrequency;

    private CompactDictionary(char[] characters, int[] ends, double[] logFrequencies, double unknownLogFrequency) {
        this.characters = characters;
        this.ends = ends;
        this.logFrequencies = logFrequencies;
        this.unknownLogFrequency = unknownLogFrequency;
        this.byFirstCharacter = new int[Character.MAX_VALUE + 2];
        int word = 0;
        for (int c = 0; c <= Character.MAX_VALUE + 1; c++) {
            while (word < ends.length && characters[start(word)] < c) {
                word++;
            }
            byFirstCharacter[c] = word;
        }
    }

    /** jieba's dictionary, read from the {@code dict.txt} in jieba's jar, with Recall's {@link #TERMS} as its user dictionary. */
    static CompactDictionary load() {
        return parse(read(FinalSeg.class, RESOURCE), read(CompactDictionary.class, TERMS));
    }

    private static String read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private record Entry(String word, int line, double count) {
    }

    /**
     * Lines of "word count [tag]", fields split at runs of spaces and tabs (jieba's {@code [\t ]+}), lines with fewer
     * than two fields skipped, words trimmed and lower-cased.
     */
    static CompactDictionary parse(String text) {
        return parse(text, "");
    }

    /**
     * The main dictionary {@code text} with {@code userWords} added as jieba's {@code loadUserDict} adds them: lines
     * "word count" (a line without a count skipped), the log-frequency taken against the main dictionary's total,
     * replacing the main dictionary's entry of the same word; neither the total nor the smallest log-frequency changes.
     */
    static CompactDictionary parse(String text, String userWords) {
        List<Entry> entries = new ArrayList<>(360_000);
        double total = 0; // summed in file order, as jieba sums it: the order changes the last bits
        int lineNumber = 0;
        for (int at = 0; at < text.length(); ) {
            int lineEnd = lineEnd(text, at);
            String[] fields = fields(text, at, lineEnd);
            at = nextLine(text, lineEnd);
            if (fields == null) {
                continue;
            }
            double count = Double.parseDouble(fields[1]);
            total += count;
            // jieba lower-cases with the default locale; the root locale gives the same words in every locale but
            // Turkish (dotted/dotless i), and keeps the table the same on every machine.
            entries.add(new Entry(fields[0].trim().toLowerCase(Locale.ROOT), lineNumber++, count));
        }
        entries.sort((a, b) -> {
            int byWord = a.word.compareTo(b.word);
            return byWord != 0 ? byWord : Integer.compare(a.line, b.line);
        });
        List<Entry> words = new ArrayList<>(entries.size());
        double smallest = Double.MAX_VALUE;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (i + 1 < entries.size() && entries.get(i + 1).word.equals(entry.word)) {
                continue; // a later line of the same word replaces it
            }
            smallest = Math.min(smallest, Math.log(entry.count / total));
            if (!entry.word.isEmpty()) { // a blank word counts towards the smallest frequency only, as in jieba
                words.add(entry);
            }
        }
        words = withUserWords(words, userWords);
        int length = 0;
        for (Entry word : words) {
            length += word.word.length();
        }
        char[] characters = new char[length];
        int[] ends = new int[words.size()];
        double[] logFrequencies = new double[words.size()];
        int end = 0;
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k).word;
            word.getChars(0, word.length(), characters, end);
            end += word.length();
            ends[k] = end;
            logFrequencies[k] = Math.log(words.get(k).count / total);  // the same total for user words, as jieba has it
        }
        return new CompactDictionary(characters, ends, logFrequencies, smallest);
    }

    /** {@code words} (sorted, one entry per word) with each user word added or replacing its entry, still sorted. */
    private static List<Entry> withUserWords(List<Entry> words, String userWords) {
        java.util.TreeMap<String, Entry> merged = new java.util.TreeMap<>();
        for (int at = 0; at < userWords.length(); ) {
            int lineEnd = lineEnd(userWords, at);
            String line = userWords.substring(at, lineEnd);
            at = nextLine(userWords, lineEnd);
            String[] fields = line.split("[\\t ]+");
            if (fields.length < 2) {
                continue; // jieba skips a line without a count
            }
            double count = Double.parseDouble(fields[1]);
            String word = fields[0].trim().toLowerCase(Locale.ROOT);
            merged.put(word, new Entry(word, Integer.MAX_VALUE, count));
        }
        if (merged.isEmpty()) {
            return words;
        }
        List<Entry> all = new ArrayList<>(words.size() + merged.size());
        for (Entry entry : words) {
            if (!merged.containsKey(entry.word)) {
                all.add(entry);
            }
        }
        all.addAll(merged.values());
        all.sort((a, b) -> a.word.compareTo(b.word));
        return all;
    }

    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    private static int nextLine(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
            if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
                lineEnd++;
            }
            return lineEnd;
        }
        return Math.min(text.length(), lineEnd + 1);
    }

    /** The first two fields of a line as {@code "[\t ]+"} splits them (a leading separator gives an empty word), or null. */
    private static String[] fields(String text, int from, int to) {
        int firstEnd = from;
        while (firstEnd < to && !isSeparator(text.charAt(firstEnd))) {
            firstEnd++;
        }
        int second = firstEnd;
        while (second < to && isSeparator(text.charAt(second))) {
            second++;
        }
        if (second >= to) {
            return null;
        }
        int secondEnd = second;
        while (secondEnd < to && !isSeparator(text.charAt(secondEnd))) {
            secondEnd++;
        }
        return new String[] {text.substring(from, firstEnd), text.substring(second, secondEnd)};
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t';
    }

    int size() {
        return ends.length;
    }

    int start(int word) {
        return word == 0 ? 0 : ends[word - 1];
    }

    int length(int word) {
        return ends[word] - start(word);
    }

    String word(int word) {
        return new String(characters, start(word), length(word));
    }

    double logFrequency(int word) {
        return logFrequencies[word];
    }

    /** What jieba counts for a character that starts no word: the smallest log-frequency of the dictionary. */
    double unknownLogFrequency() {
        return unknownLogFrequency;
    }

    /** The index of the word {@code text[from, to)}, or -1 when it is not a word. */
    int find(char[] text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int low = byFirstCharacter[text[from]];
        int high = byFirstCharacter[text[from] + 1] - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(middle, text, from, to);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    boolean contains(String text) {
        return find(text.toCharArray(), 0, text.length()) >= 0;
    }

    /** Word {@code word} against {@code text[from, to)} in {@link String#compareTo} order. */
    private int compare(int word, char[] text, int from, int to) {
        int at = start(word);
        int end = ends[word];
        for (int i = from; i < to; i++, at++) {
            if (at == end) {
                return -1;
            }
            int order = characters[at] - text[i];
            if (order != 0) {
                return order;
            }
        }
        return at == end ? 0 : 1;
    }

    /** The words starting with character {@code c}: {@code [first, end)} of the table, as one long (first in the high half). */
    long rangeOf(char c) {
        return range(byFirstCharacter[c], byFirstCharacter[c + 1]);
    }

    /**
     * Of the words {@code [first, end)}, which all share their first {@code depth} characters and are longer than that,
     * the ones whose next character is {@code c}.
     */
    long narrow(long range, int depth, char c) {
        int first = first(range);
        int end = end(range);
        int low = first;
        int high = end;
        while (low < high) { // first word whose character at depth is >= c
            int middle = (low + high) >>> 1;
            if (characters[start(middle) + depth] < c) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int from = low;
        high = end;
        while (low < high) { // first word whose character at depth is > c
            int middle = (low + high) >>> 1;
            if (characters[start(middle) + depth] <= c) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return range(from, low);
    }

    static long range(int first, int end) {
        return ((long) first << 32) | (end & 0xffffffffL);
    }

    static int first(long range) {
        return (int) (range >>> 32);
    }

    static int end(long range) {
        return (int) range;
    }
}
