package dev.recall.quiz.generation.language;

import java.util.List;
import java.util.Locale;

/**
 * Words of which a text must contain one for an expression to have a chance (ASCII letters without case, as in a
 * {@code (?i)} pattern): a guard, so that rules run their expressions only on the sentences that can match.
 */
public final class Words {

    private final List<String> words;

    private Words(List<String> words) {
        this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    public static Words of(String... words) {
        return new Words(List.of(words));
    }

    public boolean in(String text) {
        String lower = lowerAscii(text);
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The text with ASCII capitals in lower case, nothing else changed (so offsets and other scripts stay). */
    public static String lowerAscii(String text) {
        int i = 0;
        while (i < text.length() && !(text.charAt(i) >= 'A' && text.charAt(i) <= 'Z')) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 32;
            }
        }
        return new String(chars);
    }
}
