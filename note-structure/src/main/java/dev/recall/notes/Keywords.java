package dev.recall.notes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words of which a line must contain at least one (ASCII letters compared without case, like a {@code (?i)}
 * pattern), optionally "or any digit". A single pass over the line: the guard in front of a {@link LineTable} row.
 */
final class Keywords {

    /** The words (lower case) by their first character: ASCII in an array, the rest in a map. */
    private final String[][] ascii = new String[128][];
    private final Map<Character, String[]> other = new HashMap<>();
    private final BitSet firsts = new BitSet();
    private final List<String> words;
    private final boolean digit;

    private Keywords(List<String> words, boolean digit) {
        this.digit = digit;
        this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        Map<Character, List<String>> grouped = new HashMap<>();
        for (String lower : this.words) {
            grouped.computeIfAbsent(lower.charAt(0), k -> new ArrayList<>()).add(lower);
            firsts.set(lower.charAt(0));
        }
        grouped.forEach((first, list) -> {
            if (first < 128) {
                ascii[first] = list.toArray(String[]::new);
            } else {
                other.put(first, list.toArray(String[]::new));
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

    /** A line has a word of this guard or of {@code other}. */
    Keywords or(Keywords more) {
        List<String> all = new ArrayList<>(words);
        all.addAll(more.words);
        return new Keywords(all, digit || more.digit);
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
            } else if (firsts.get(c) && startsWithAny(line, i, other.get(c))) {
                return true;
            }
        }
        return false;
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
