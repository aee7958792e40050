package dev.recall.notes;

import java.util.regex.Pattern;

/**
 * Decides, per note, whether to read it as Markdown or to recover plain text. A note is Markdown when it has any
 * block structure only Markdown writes (an ATX heading "# x", a code fence, a GFM table delimiter row, a setext "==="
 * underline, Recall's own card syntax {@code Q::A}, {@code ==cloze==}, <code>{{c1::x}}</code>, front matter,
 * HTML comments, the "cloze: bold" setting), or at least two kinds of Markdown inline markup (bold, links, inline code, "- " lists at the margin).
 * Everything else (text pasted from a web page) goes through {@link PlainTextReader}. Per note rather than per
 * region: a Markdown author's headings decide the sections, and mixing two readers inside one note would make
 * section ids depend on which reader saw which line.
 */
final class FormatDetector {

    private static final Pattern ATX = Pattern.compile("(?m)^ {0,3}#{1,6}[ \\t]+\\S");
    private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(?:```|~~~)");
    private static final Pattern TABLE_DELIMITER = Pattern.compile("(?m)^ {0,3}\\|?\\s*:?-{3,}:?\\s*\\|");
    private static final Pattern SETEXT = Pattern.compile("(?m)^\\S[^\\n]*\\n {0,3}={3,}\\s*$");
    private static final Pattern SETTINGS = Pattern.compile("\\A---\\s*\n|<!--|(?mi)^\\s*cloze\\s*[:：]\\s*bold\\s*$");
    private static final Pattern BOLD_STARS = Pattern.compile("\\*\\*[^*\\n]+\\*\\*");
    private static final Pattern BOLD_UNDERSCORES = Pattern.compile("(?<!\\w)__[^_\\n]*\\s[^_\\n]*__(?!\\w)");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]+]\\([^)\\n]+\\)");
    private static final Pattern CODE = Pattern.compile("`[^`\\n]+`");
    private static final Pattern DASH_LIST = Pattern.compile("(?m)^[-*] \\S");
    /**
     * Recall's card syntax, one alternative per expression, each run only when the note has the characters it needs
     * (a find of an alternation is a find of any of its alternatives): the "Q::A" one backtracks over every line.
     */
    private static final Pattern QUESTION_MARK_LINE = Pattern.compile("(?m)^\\??\\?$");
    private static final Pattern DOUBLE_COLON = Pattern.compile("(?m)^[^\\n]+:::?[^\\n]+$");
    private static final Pattern HIGHLIGHT = Pattern.compile("==[^=\\n]+==");
    private static final Pattern CLOZE_BRACES = Pattern.compile("\\{\\{[^}\\n]+}}");

    private FormatDetector() {
    }

    /** An ATX heading that is not a "# comment" line of pasted code (code right above or below it). */
    private static boolean hasHeading(String text) {
        java.util.regex.Matcher atx = ATX.matcher(text);
        while (atx.find()) {
            int lineStart = atx.start();
            int lineEnd = text.indexOf('\n', lineStart);
            String previous = neighbour(text, lineStart - 1, -1);
            String next = neighbour(text, lineEnd < 0 ? text.length() : lineEnd + 1, 1);
            if (!codeLike(previous) && !codeLike(next)) {
                return true;
            }
        }
        return false;
    }

    private static boolean codeLike(String line) {
        return line != null && (CodeDetector.strong(line) != CodeDetector.Language.NONE || !line.isEmpty() && Character.isWhitespace(line.charAt(0))
                && CodeDetector.weak(line));
    }

    /** The nearest non-blank line before (direction -1, from the end of the previous line) or after (+1) a position. */
    private static String neighbour(String text, int from, int direction) {
        int at = from;
        for (int guard = 0; guard < 3; guard++) {
            if (at < 0 || at >= text.length()) {
                return null;
            }
            int start = direction < 0 ? text.lastIndexOf('\n', Math.max(0, at - 1)) + 1 : at;
            if (direction < 0 && at == 0) {
                start = 0;
            }
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (!line.isBlank()) {
                return line;
            }
            at = direction < 0 ? start - 1 : (end < 0 ? text.length() : end + 1);
        }
        return null;
    }

    static boolean isMarkdown(String text) {
        if (text.isBlank()) {
            return true;
        }
        String head = text.length() > 200_000 ? text.substring(0, 200_000) : text;
        // Each expression runs only when the text has the characters it cannot match without: on pasted plain text
        // most of them scan the whole note for nothing (the card syntax one backtracks over every line).
        if (head.indexOf('#') >= 0 && hasHeading(head) || has(head, "```", "~~~") && FENCE.matcher(head).find()
                || head.contains("---") && TABLE_DELIMITER.matcher(head).find() || head.contains("===") && SETEXT.matcher(head).find()
                || explicitCards(head)
                || (head.contains("---") || head.contains("<!--") || hasCloze(head)) && SETTINGS.matcher(head).find()) {
            return true;
        }
        int kinds = 0;
        kinds += findsAt(BOLD_STARS, head, "**") || findsAt(BOLD_UNDERSCORES, head, "__") ? 1 : 0;
        kinds += head.contains("](") && findsAt(LINK, head, "[") ? 1 : 0;
        kinds += findsAt(CODE, head, "`") ? 1 : 0;
        kinds += has(head, "- ", "* ") && DASH_LIST.matcher(head).find() ? 1 : 0;
        return kinds >= 2;
    }

    /**
     * {@code pattern.matcher(text).find()} for a pattern whose every match starts with {@code start}: tried only where
     * {@code start} stands (with the text around visible to look-behinds), not at every position of the note.
     */
    private static boolean findsAt(Pattern pattern, String text, String start) {
        java.util.regex.Matcher m = null;
        for (int at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
            if (m == null) {
                m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            if (m.region(at, text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean explicitCards(String head) {
        return head.indexOf('?') >= 0 && QUESTION_MARK_LINE.matcher(head).find() || head.contains("::") && DOUBLE_COLON.matcher(head).find()
                || head.contains("==") && HIGHLIGHT.matcher(head).find() || head.contains("{{") && CLOZE_BRACES.matcher(head).find();
    }

    private static boolean has(String text, String... parts) {
        for (String part : parts) {
            if (text.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** "cloze" in any case, as the case-insensitive {@link #SETTINGS} needs it (ASCII letters only can match). */
    private static boolean hasCloze(String text) {
        return CLOZE_WORD.in(text);
    }

    private static final Keywords CLOZE_WORD = Keywords.of("cloze");
}
