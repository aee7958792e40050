package dev.recall.notes;

import java.util.regex.Pattern;

/**
 * Which lines of a plain-text note are headings, once every line has its type. A heading needs a body after it.
 * A numbered line ({@link Numbering}) is a heading when its text reads like a title and it is not one of a run of
 * siblings of the same numbering family (those are a numbered list); step and bracket numbering never head a
 * section. An unnumbered prose line is a heading when it is short, ends without sentence punctuation, is not a
 * "term: text" or "X is Y" line (unless it asks a question), is not the tail of a wrapped paragraph, and the line
 * after it is body text rather than another such title.
 */
final class HeadingRecognizer {

    /** A line ending like a sentence or a clause (as ".*[。.；;，,、!！…:：]$" matches). */
    static final String SENTENCE_END = "。.；;，,、!！…:：";
    /** A line ending open, without closing punctuation (as ".*[^.!?:;。！？：；)）\"”']$" matches). */
    static final String CLOSING = ".!?:;。！？：；)）\"”'";
    private static final Pattern COLON_TEXT = Pattern.compile(".*[:：]\\s*\\S.*");
    private static final Pattern COPULA = Pattern.compile(".{2,}(?:是|指|就是)\\S.*|.*\\s(?:is|are|means)\\s.*");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    /** A short line that asks ("What is a handshake", "如何选择索引") is a heading even with a copula and no "?". */
    private static final Pattern QUESTION = Pattern.compile("(?i)^(?:what|why|how|when|where|which|who)\\b|^(?:什么是|为什么|为何|如何|怎么|怎样)");

    private final PlainLines note;

    HeadingRecognizer(PlainLines note) {
        this.note = note;
    }

    /** The heading style of line {@code i} when it is a heading ("plain" for an unnumbered one), else null. */
    String style(int i) {
        String[] lines = note.lines;
        LineType[] types = note.types;
        String line = lines[i];
        int next = note.nextContent(i + 1);
        LineType nextType = note.type(next);
        if (nextType == null || nextType == LineType.JUNK) {
            return null; // a heading needs a body
        }
        if (types[i] == LineType.NUMBERED) {
            String style = Numbering.style(line);
            String text = Numbering.text(line);
            boolean strongStyle = Numbering.strong(style);
            if (style.equals("step") || style.equals("bracket") || !titleLike(text, strongStyle ? 50 : 30, strongStyle ? 12 : 10, true)) {
                return null;
            }
            if (nextType == LineType.NUMBERED && Numbering.family(style).equals(Numbering.family(Numbering.style(lines[next])))) {
                return null; // a run of siblings: a numbered list
            }
            int previous = note.previousContent(i - 1);
            if (previous >= 0 && types[previous] == LineType.NUMBERED
                    && Numbering.family(style).equals(Numbering.family(Numbering.style(lines[previous])))
                    && (previous == 0 || style(previous) == null)) {
                return null; // the last of a run of siblings
            }
            return style;
        }
        if (types[i] != LineType.PROSE || note.output[i]) {
            return null; // what code prints is no heading
        }
        String text = line.strip();
        if (!(titleLike(text, 30, 10, false) || lowerCaseTitle(i, text)) || colonText(text) || copula(text) && !text.endsWith("?")
                && !text.endsWith("？") && !QUESTION.matcher(text).find()) {
            return null;
        }
        if (i > 0 && types[i - 1] == LineType.PROSE && LineEnds.endsWithNoneOf(lines[i - 1].strip(), CLOSING) && !lines[i - 1].isBlank()
                && lines[i - 1].strip().length() > 40) {
            return null; // the tail of a wrapped paragraph
        }
        if (nextType == LineType.PROSE) {
            String body = lines[next].strip();
            boolean bodyIsTitle = titleLike(body, 30, 10, false) && !colonText(body) && !copula(body);
            return bodyIsTitle ? null : "plain";
        }
        return "plain";
    }

    private static final Pattern LOWER_TITLE = Pattern.compile("^[a-z][\\w.+#-]*(?:\\s+\\S+){0,5}?\\s+(?:vs\\.?|versus)\\s+\\S+(?:\\s+\\S+){0,3}$|^[a-z][^.!;:]{2,60}\\?$");

    /**
     * A title that starts in lower case because its first word is a name ("asyncio vs threading", "git rebase vs
     * merge", "when to use it?", "volatile"): a comparison, a question or a short name, after a blank line, so never
     * a wrapped sentence's tail.
     */
    private boolean lowerCaseTitle(int i, String text) {
        if (i > 0 && !note.lines[i - 1].isBlank() || text.length() > 70) {
            return false;
        }
        if (LOWER_TITLE.matcher(text).matches()) {
            return true;
        }
        // A name of one to three words ("volatile", "git rebase") right above its body.
        return LOWER_NAME.matcher(text).matches() && i + 1 < note.count && note.types[i + 1] == LineType.PROSE;
    }

    private static final Pattern LOWER_NAME = Pattern.compile("^[a-z][\\w.+#-]*(?:\\s+[a-z0-9][\\w.+#-]*){0,2}$");

    /** "term: text": a colon with text after it. {@link #COLON_TEXT}, run only when the line has a colon. */
    static boolean colonText(String text) {
        return (text.indexOf(':') >= 0 || text.indexOf('：') >= 0) && COLON_TEXT.matcher(text).matches();
    }

    /** "X是Y", "X is Y". {@link #COPULA}, run only when the line has one of its words. */
    static boolean copula(String text) {
        return (text.indexOf('是') >= 0 || text.indexOf('指') >= 0 || text.contains("is") || text.contains("are") || text.contains("means"))
                && COPULA.matcher(text).matches();
    }

    /** Short, no sentence punctuation at the end, not starting like a continued sentence. */
    static boolean titleLike(String text, int maxHan, int maxWords, boolean numbered) {
        if (text == null || text.length() < 2 || LineEnds.endsWithOneOf(text, SENTENCE_END)) {
            return false;
        }
        char c = text.charAt(0);
        boolean han = Scripts.hasHan(text);
        if (c >= 'a' && c <= 'z' && !numbered && !han || "（(「《\"“-—".indexOf(c) >= 0 && !Numbering.CN_PAREN.matcher(text).matches()) {
            return false;
        }
        if (han) {
            return text.length() <= maxHan;
        }
        return text.length() <= 70 && WORDS.split(text).length <= maxWords;
    }
}
