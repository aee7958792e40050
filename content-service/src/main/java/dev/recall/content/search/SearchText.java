package dev.recall.content.search;

import dev.recall.content.outline.WordCounter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prepares text for PostgreSQL full-text search in both Chinese/Japanese and alphabetic languages.
 *
 * <p>PostgreSQL's parser splits on spaces, and Chinese has none: a whole clause would be one token, so
 * 装饰器 inside 装饰器模式是什么 would never match. We segment without a dictionary the way Lucene's CJK
 * analyzer does: each run of Han/kana characters becomes its overlapping bigrams (装饰 饰器 器模 ...), kept
 * in order so a query run becomes a phrase of bigrams ({@code 装饰 <-> 饰器}); single characters are
 * added at the end so one-character queries match too. Everything else is left to the {@code english}
 * configuration (stemming: "decorators" finds "decorator"), which passes the CJK tokens through as they are.
 */
public final class SearchText {

    /** A body is indexed up to this many characters: a tsvector holds at most 1 MB. */
    public static final int MAX_INDEXED_CHARS = 60_000;

    private SearchText() {
    }

    /** The text to hand to {@code to_tsvector('english', ...)}. */
    public static String prepare(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String bounded = text.length() > MAX_INDEXED_CHARS ? text.substring(0, MAX_INDEXED_CHARS) : text;
        StringBuilder latin = new StringBuilder(bounded.length());
        StringBuilder cjk = new StringBuilder();
        Set<String> singles = new LinkedHashSet<>();
        for (String run : split(bounded, latin)) {
            appendBigrams(run, cjk);
            run.codePoints().forEach(cp -> singles.add(Character.toString(cp)));
        }
        StringBuilder out = latin;
        if (!cjk.isEmpty()) {
            out.append(" \n ").append(cjk);
            out.append(" \n ").append(String.join(" ", singles));
        }
        return out.toString();
    }

    /** Copies the non-CJK text into {@code latin} (CJK replaced by spaces) and returns the CJK runs. */
    static List<String> split(String text, StringBuilder latin) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (WordCounter.isCjkCharacter(cp)) {
                run.appendCodePoint(cp);
                latin.append(' ');
            } else {
                if (!run.isEmpty()) {
                    runs.add(run.toString());
                    run.setLength(0);
                }
                latin.appendCodePoint(cp);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    private static void appendBigrams(String run, StringBuilder out) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            // a lone character keeps a position in the phrase chain of the text around it
            out.append(Character.toString(cps[0])).append(' ');
            return;
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.appendCodePoint(cps[i]).appendCodePoint(cps[i + 1]).append(' ');
        }
        out.append(". ");
    }

    /** The bigrams of one CJK run as a tsquery phrase, or its single character. */
    static String phrase(String run) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            return "'" + Character.toString(cps[0]) + "'";
        }
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add("'" + new String(cps, i, 2) + "'");
        }
        return String.join(" <-> ", grams);
    }
}
