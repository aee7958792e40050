package dev.recall.notes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering styles of plain-text lines: Chinese ("一、", "（二）", "第三章"), "Part 1", "Step 2" / "第二步", and
 * Arabic ("1.", "2)", "（3）", "[4]", "①"). A style names the line's kind of numbering; the Arabic styles mix freely
 * in one list, so they form one {@link #family}.
 */
final class Numbering {

    static final Pattern CN_NUMBER = Pattern.compile("^\\s*([一二三四五六七八九十百零〇]{1,4})\\s*[、.．]\\s*(\\S.*)$");
    static final Pattern CN_PAREN = Pattern.compile("^\\s*[（(]([一二三四五六七八九十]{1,3})[）)]\\s*[、.．]?\\s*(\\S.*)$");
    private static final Pattern CHAPTER = Pattern.compile("^\\s*(第[一二三四五六七八九十百\\d]{1,4}[章节部分篇讲])[\\s:：、.．]*(\\S.*)$");
    private static final Pattern PART = Pattern.compile("(?i)^\\s*((?:part|chapter|section|lesson)\\s+(?:\\d{1,2}|[ivx]{1,4}))\\s*[:.—-]?\\s*(\\S.*)$");
    static final Pattern NUM_DOT = Pattern.compile("^\\s*(\\d{1,2})\\s*[.．、](?!\\d)\\s*(\\S.*)$");
    private static final Pattern NUM_PAREN = Pattern.compile("^\\s*(\\d{1,2})\\s*[)）]\\s*(\\S.*)$");
    static final Pattern NUM_BOTH = Pattern.compile("^\\s*[（(](\\d{1,2})[）)]\\s*(\\S.*)$");
    static final Pattern NUM_BRACKET = Pattern.compile("^\\s*\\[(\\d{1,2})]\\s*(\\S.*)$");
    private static final Pattern CIRCLED = Pattern.compile("^\\s*([①-⑳])\\s*(\\S.*)$");
    private static final Pattern STEP = Pattern.compile("(?i)^\\s*((?:step\\s*\\d{1,2}|第[一二三四五六七八九十\\d]{1,3}步))\\s*[:：.、)）-]?\\s*(\\S.*)$");
    private static final Pattern[] NUMBERINGS = {CN_NUMBER, CN_PAREN, CHAPTER, PART, STEP, NUM_DOT, NUM_PAREN, NUM_BOTH, NUM_BRACKET, CIRCLED};
    private static final String[] STYLES = {"cn", "cn-paren", "chapter", "part", "step", "dot", "paren", "both", "bracket", "circled"};
    /**
     * For each of {@link #NUMBERINGS}, the characters its match can start with after the leading white space (ASCII
     * letters in both cases where it is {@code (?i)}): a line is tried only against the numberings its first
     * character can start, in the same order.
     */
    private static final String[] STARTS = {"一二三四五六七八九十百零〇", "（(", "第", "pPcCsSlL", "sS第", "0123456789", "0123456789", "（(", "[",
            "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"};

    private Numbering() {
    }

    /** The numbering style of a numbered line ("cn", "cn-paren", "chapter", "part", "step", "dot", ...), or null. */
    static String style(String line) {
        Numbered numbered = numbering(line);
        return numbered == null ? null : STYLES[numbered.style()];
    }

    /** A numbered line without its number; null when it is not numbered. */
    static String text(String line) {
        Numbered numbered = numbering(line);
        return numbered == null ? null : numbered.match().group(2).strip();
    }

    /** Which of {@link #NUMBERINGS} a line has, and its match. */
    private record Numbered(int style, Matcher match) {
    }

    /** The first numbering the line has, or null. */
    private static Numbered numbering(String line) {
        char first = firstAfterWhite(line);
        if (first == '\0') {
            return null;
        }
        for (int s = 0; s < NUMBERINGS.length; s++) {
            if (STARTS[s].indexOf(first) >= 0) {
                Matcher m = NUMBERINGS[s].matcher(line);
                if (m.matches()) {
                    return new Numbered(s, m);
                }
            }
        }
        return null;
    }

    /** The first character after leading white space ({@code \\s}), or '\0' when there is none. */
    private static char firstAfterWhite(String line) {
        int i = 0;
        while (i < line.length() && " \t\n\u000B\f\r".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return i == line.length() ? '\0' : line.charAt(i);
    }

    /** The styles that number headings rather than points: Chinese numbers, chapters and parts. */
    static boolean strong(String style) {
        return style.equals("cn") || style.equals("cn-paren") || style.equals("chapter") || style.equals("part");
    }

    /** Arabic numbering styles are mixed freely in one list ("1." then "2)"): they are siblings of one family. */
    static String family(String style) {
        return switch (style) {
            case "dot", "paren", "both", "circled" -> "arabic";
            default -> style;
        };
    }

    /** The first character after leading white space can start one of the numberings (a cheap test first). */
    static boolean mayBeNumbered(String line) {
        int i = 0;
        while (i < line.length() && " \t\n\u000B\f\r".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        if (i == line.length()) {
            return false;
        }
        char c = line.charAt(i);
        return c >= '0' && c <= '9' || c >= '①' && c <= '⑳' || "一二三四五六七八九十百零〇（(第[pPcCsSlL".indexOf(c) >= 0;
    }
}
