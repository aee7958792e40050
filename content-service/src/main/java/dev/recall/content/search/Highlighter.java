package dev.recall.content.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks query terms in a text: the text is HTML-escaped and matches are wrapped in
 * {@code <mark>...</mark>}, so a client can render the result as HTML safely. Alphabetic terms match
 * whole words starting with the term's stem (query "decorators" marks "decorator"); CJK terms match as
 * substrings.
 */
public final class Highlighter {

    public static final String OPEN = "<mark>";
    public static final String CLOSE = "</mark>";

    private Highlighter() {
    }

    /** The whole text with every match marked. */
    public static String mark(String text, List<String> terms) {
        return render(text, matches(text, terms), 0, text.length());
    }

    /** Up to {@code max} fragments of about {@code width} characters around the first matches. */
    public static List<String> fragments(String text, List<String> terms, int max, int width) {
        List<int[]> matches = matches(text, terms);
        List<String> fragments = new ArrayList<>();
        int coveredUntil = -1;
        for (int[] match : matches) {
            if (fragments.size() == max) {
                break;
            }
            if (match[0] < coveredUntil) {
                continue;
            }
            int start = Math.max(0, match[0] - width / 3);
            int end = Math.min(text.length(), start + width);
            start = Math.max(0, Math.min(start, end - width));
            start = adjust(text, start);
            end = adjust(text, end);
            String fragment = render(text, matches, start, end).replaceAll("\\s+", " ").strip();
            fragments.add((start > 0 ? "…" : "") + fragment + (end < text.length() ? "…" : ""));
            coveredUntil = end;
        }
        return fragments;
    }

    private static int adjust(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }

    static List<int[]> matches(String text, List<String> terms) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[text.length() + 1];
        for (String term : terms) {
            boolean cjk = term.codePoints().anyMatch(dev.recall.content.outline.WordCounter::isCjkCharacter);
            String needle = cjk ? term : stem(term.toLowerCase(Locale.ROOT));
            if (needle.isEmpty() || lower.length() != text.length()) {
                continue;
            }
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
                int end = at + needle.length();
                if (!cjk) {
                    if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
                        continue;
                    }
                    while (end < lower.length() && Character.isLetterOrDigit(lower.charAt(end))) {
                        end++;
                    }
                }
                for (int i = at; i < end; i++) {
                    marked[i] = true;
                }
            }
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (marked[i]) {
                int start = i;
                while (i < text.length() && marked[i]) {
                    i++;
                }
                ranges.add(new int[]{start, i});
            }
        }
        return ranges;
    }

    /** A crude English stem, enough to find the word the full-text stemmer matched. */
    static String stem(String word) {
        for (String suffix : new String[]{"ing", "ies", "es", "ed", "s"}) {
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static String render(String text, List<int[]> matches, int from, int to) {
        StringBuilder out = new StringBuilder();
        int at = from;
        for (int[] m : matches) {
            if (m[1] <= from || m[0] >= to) {
                continue;
            }
            int s = Math.max(m[0], from);
            int e = Math.min(m[1], to);
            escape(text, at, s, out);
            out.append(OPEN);
            escape(text, s, e, out);
            out.append(CLOSE);
            at = e;
        }
        escape(text, at, to, out);
        return out.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
