package dev.recall.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words of which a line must contain at least one (ASCII letters compared without case, like a {@code (?i)}
 * pattern), optionally "or any digit". A single pass over the line: the guard in front of a {@link LineTable} row.
 */
final class Keywords {

    /**
     * The words (lower case) by their first character: ASCII in one array, the rest in an array over the range of
     * their first characters ({@link #otherMin} on; a map of Character keys cost more than the scan it guards).
     */
    private final String[][] ascii = new String[128][];
    private final char otherMin;
    private final String[][] other;
    private final List<String> words;
    private final boolean digit;

    private Keywords(List<String> words, boolean digit) {
        this.digit = digit;
        this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        Map<Character, List<String>> grouped = new java.util.TreeMap<>();
        for (String lower : this.words) {
            grouped.computeIfAbsent(lower.charAt(0), k -> new ArrayList<>()).add(lower);
        }
        char min = Character.MAX_VALUE;
        char max = 0;
        for (char first : grouped.keySet()) {
            if (first >= 128) {
                min = (char) Math.min(min, first);
                max = (char) Math.max(max, first);
            }
        }
        this.otherMin = min;
        this.other = new String[min <= max ? max - min + 1 : 0][];
        grouped.forEach((first, list) -> {
            if (first < 128) {
                ascii[first] = list.toArray(String[]::new);
            } else {
                other[first - otherMin] = list.toArray(String[]::new);
            }
        });
    }

    static Keywords of(String... words) {
        return new Keywords(List.of(words), false);
    }

    /** A line with any ASCII digit. */
    static Keywords digit() {
        return new Keywords(List.of(), true);
    }

    /** These words, or any ASCII digit. */
    Keywords orDigit() {
        return new Keywords(words, true);
    }

    boolean in(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 128) {
                if (digit && c >= '0' && c <= '9') {
                    return true;
                }
                String[] candidates = ascii[c >= 'A' && c <= 'Z' ? c + 32 : c];
                if (candidates != null && startsWithAny(line, i, candidates)) {
                    return true;
                }
            } else {
                String[] candidates = others(c);
                if (candidates != null && startsWithAny(line, i, candidates)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The words that start with non-ASCII {@code c}, or null. */
    private String[] others(char c) {
        int at = c - otherMin;
        return at >= 0 && at < other.length ? other[at] : null;
    }

    /**
     * Which of {@code guards} a line has, in one pass: bit {@code k} of the result is {@code guards.get(k).in(line)}
     * (at most 64 guards; null guards are never set). A table of many guarded rows scans each line once this way
     * instead of once per row.
     */
    static final class Mask {
        private final Keywords all;
        private final long[][] asciiBits = new long[128][];
        /** The bits of each word, in the order of {@link #all}'s candidate arrays, over the same range of characters. */
        private final long[][] otherBits;
        private final long digitBits;
        private final long guarded;

        Mask(List<Keywords> guards) {
            if (guards.size() > 64) {
                throw new IllegalArgumentException("at most 64 guards");
            }
            List<String> words = new ArrayList<>();
            List<Long> bits = new ArrayList<>();
            long digits = 0;
            long any = 0;
            for (int k = 0; k < guards.size(); k++) {
                Keywords guard = guards.get(k);
                if (guard == null) {
                    continue;
                }
                any |= 1L << k;
                digits |= guard.digit ? 1L << k : 0;
                for (String word : guard.words) {
                    int known = words.indexOf(word);
                    if (known < 0) {
                        words.add(word);
                        bits.add(1L << k);
                    } else {
                        bits.set(known, bits.get(known) | 1L << k);
                    }
                }
            }
            this.all = new Keywords(words, false);
            this.digitBits = digits;
            this.guarded = any;
            // The bits of each word, in the order of the candidate arrays of {@link #all}.
            for (int c = 0; c < 128; c++) {
                if (all.ascii[c] != null) {
                    asciiBits[c] = bitsOf(all.ascii[c], words, bits);
                }
            }
            otherBits = new long[all.other.length][];
            for (int c = 0; c < all.other.length; c++) {
                if (all.other[c] != null) {
                    otherBits[c] = bitsOf(all.other[c], words, bits);
                }
            }
        }

        private static long[] bitsOf(String[] candidates, List<String> words, List<Long> bits) {
            long[] out = new long[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                out[i] = bits.get(words.indexOf(candidates[i]));
            }
            return out;
        }

        long of(String line) {
            long found = 0;
            for (int i = 0; i < line.length() && found != guarded; i++) {
                char c = line.charAt(i);
                String[] candidates;
                long[] bits;
                if (c < 128) {
                    if (c >= '0' && c <= '9') {
                        found |= digitBits;
                    }
                    int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
                    candidates = all.ascii[lower];
                    bits = asciiBits[lower];
                } else {
                    int at = c - all.otherMin;
                    if (at < 0 || at >= otherBits.length) {
                        continue;
                    }
                    candidates = all.other[at];
                    bits = otherBits[at];
                }
                if (candidates == null) {
                    continue;
                }
                for (int w = 0; w < candidates.length; w++) {
                    if ((found & bits[w]) != bits[w] && startsWith(line, i, candidates[w])) {
                        found |= bits[w];
                    }
                }
            }
            return found;
        }
    }

    /** {@code word} (lower case) starts at {@code at}, ASCII letters of the line compared without case. */
    private static boolean startsWith(String line, int at, String word) {
        if (at + word.length() > line.length()) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            char c = line.charAt(at + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** One of {@code candidates} (lower case) starts at {@code at}, ASCII letters of the line compared without case. */
    private static boolean startsWithAny(String line, int at, String[] candidates) {
        for (String word : candidates) {
            if (at + word.length() > line.length()) {
                continue;
            }
            int k = 1;
            while (k < word.length()) {
                char c = line.charAt(at + k);
                if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != word.charAt(k)) {
                    break;
                }
                k++;
            }
            if (k == word.length()) {
                return true;
            }
        }
        return false;
    }
}
