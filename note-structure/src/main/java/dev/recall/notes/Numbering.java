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

    private Numbering() {
    }

    /** The numbering style of a numbered line ("cn", "cn-paren", "chapter", "part", "step", "dot", ...), or null. */
    static String style(String line) {
        if (!mayBeNumbered(line)) {
            return null;
        }
        for (int s = 0; s < NUMBERINGS.length; s++) {
            if (NUMBERINGS[s].matcher(line).matches()) {
                return STYLES[s];
            }
        }
        return null;
    }

    /** A numbered line without its number; null when it is not numbered. */
    static String text(String line) {
        if (!mayBeNumbered(line)) {
            return null;
        }
        for (Pattern numbering : NUMBERINGS) {
            Matcher m = numbering.matcher(line);
            if (m.matches()) {
                return m.group(2).strip();
            }
        }
        return null;
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
