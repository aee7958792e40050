package dev.recall.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers the structure of a note that carries no Markdown (text pasted from a web page), line by line:
 * <ol>
 * <li>boilerplate: page chrome lines ({@link Junk}), reference and related-article lists under their header, and the
 * short lines between chrome lines of a footer;</li>
 * <li>unfenced code, kept whole: a run of lines that starts at a line whose syntax alone says code
 * ({@link CodeDetector}) and goes on over indented lines, brackets, comments and blank lines; YAML by its nesting;</li>
 * <li>headings: the note's first line is its title; numbered lines ("一、", "（二）", "第三章", "1.", "2)", "（3）") and
 * short standalone lines without sentence punctuation are headings when body text follows them rather than a sibling
 * of the same kind (then they are list items). Levels follow the order in which numbering styles first appear;</li>
 * <li>lists: bullet glyphs (•·●▪◦■-*+) and numbered runs; tab-separated rows as tables; every other line a
 * paragraph (hard-wrapped English lines are joined).</li>
 * </ol>
 */
final class PlainTextReader {

    private enum Type { BLANK, JUNK, CODE, BULLET, NUMBERED, ROW, PROSE }

    private static final Pattern BULLET = Pattern.compile("^(\\s*)(?:[•·●▪◦■□○◆◇►▶➤✓✔√※★☆→\\-*+]|\\d{1,2}°)\\s*(\\S.*)$");
    private static final Pattern ASCII_BULLET = Pattern.compile("^\\s*[-*+]\\S");
    private static final Pattern CN_NUMBER = Pattern.compile("^\\s*([一二三四五六七八九十百零〇]{1,4})\\s*[、.．]\\s*(\\S.*)$");
    private static final Pattern CN_PAREN = Pattern.compile("^\\s*[（(]([一二三四五六七八九十]{1,3})[）)]\\s*[、.．]?\\s*(\\S.*)$");
    private static final Pattern CHAPTER = Pattern.compile("^\\s*(第[一二三四五六七八九十百\\d]{1,4}[章节部分篇讲])[\\s:：、.．]*(\\S.*)$");
    private static final Pattern PART = Pattern.compile("(?i)^\\s*((?:part|chapter|section|lesson)\\s+(?:\\d{1,2}|[ivx]{1,4}))\\s*[:.—-]?\\s*(\\S.*)$");
    private static final Pattern NUM_DOT = Pattern.compile("^\\s*(\\d{1,2})\\s*[.．、](?!\\d)\\s*(\\S.*)$");
    private static final Pattern NUM_PAREN = Pattern.compile("^\\s*(\\d{1,2})\\s*[)）]\\s*(\\S.*)$");
    private static final Pattern NUM_BOTH = Pattern.compile("^\\s*[（(](\\d{1,2})[）)]\\s*(\\S.*)$");
    private static final Pattern NUM_BRACKET = Pattern.compile("^\\s*\\[(\\d{1,2})]\\s*(\\S.*)$");
    private static final Pattern CIRCLED = Pattern.compile("^\\s*([①-⑳])\\s*(\\S.*)$");
    private static final Pattern STEP = Pattern.compile("(?i)^\\s*((?:step\\s*\\d{1,2}|第[一二三四五六七八九十\\d]{1,3}步))\\s*[:：.、)）-]?\\s*(\\S.*)$");
    private static final Pattern[] NUMBERINGS = {CN_NUMBER, CN_PAREN, CHAPTER, PART, STEP, NUM_DOT, NUM_PAREN, NUM_BOTH, NUM_BRACKET, CIRCLED};
    private static final String[] STYLES = {"cn", "cn-paren", "chapter", "part", "step", "dot", "paren", "both", "bracket", "circled"};
    /** A line ending like a sentence or a clause (as ".*[。.；;，,、!！…:：]$" matches). */
    private static final String SENTENCE_END = "。.；;，,、!！…:：";
    /** A line ending open, without closing punctuation (as ".*[^.!?:;。！？：；)）\"”']$" matches). */
    private static final String CLOSING = ".!?:;。！？：；)）\"”'";
    private static final Pattern COLON_TEXT = Pattern.compile(".*[:：]\\s*\\S.*");
    private static final Pattern COPULA = Pattern.compile(".{2,}(?:是|指|就是)\\S.*|.*\\s(?:is|are|means)\\s.*");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    /** A short line that asks ("What is a handshake", "如何选择索引") is a heading even with a copula and no "?". */
    private static final Pattern QUESTION = Pattern.compile("(?i)^(?:what|why|how|when|where|which|who)\\b|^(?:什么是|为什么|为何|如何|怎么|怎样)");

    private final String[] lines;
    private final int count;
    private final Type[] types;
    private final String[] reasons;
    private final String[] languages;
    private final int[] codeEnd;
    /** Memos of the line tests asked more than once: 0 not yet asked, 1 no, 2 yes. */
    private final byte[] junkLines;
    private final byte[] references;
    private int lastLongProse;

    private PlainTextReader(String text) {
        String[] split = text.split("\n", -1);
        this.count = SectionsBuilder.lineCount(text);
        this.lines = new String[count];
        for (int i = 0; i < count; i++) {
            String line = i < split.length ? split[i] : "";
            lines[i] = line.length() > MarkdownReader.MAX_LINE ? line.substring(0, MarkdownReader.MAX_LINE) : line;
        }
        this.types = new Type[count];
        this.reasons = new String[count];
        this.languages = new String[count];
        this.codeEnd = new int[count];
        this.junkLines = new byte[count];
        this.references = new byte[count];
    }

    static NoteStructure read(String text) {
        return new PlainTextReader(text).parse();
    }

    private NoteStructure parse() {
        markBoilerplate();
        markCode();
        for (int i = 0; i < count; i++) {
            if (types[i] == null) {
                types[i] = classify(lines[i]);
            }
        }
        SectionsBuilder sections = new SectionsBuilder(count);
        Map<String, Integer> levels = new HashMap<>();
        int first = nextContent(0);
        boolean titled = false;
        int i = 0;
        while (i < count) {
            Type type = types[i];
            String line = lines[i];
            if (type == Type.BLANK || type == Type.JUNK) {
                i++;
                continue;
            }
            if (type == Type.CODE) {
                int end = codeEnd[i];
                StringBuilder code = new StringBuilder();
                for (int j = i; j <= end; j++) {
                    code.append(lines[j]).append('\n');
                }
                sections.block(Block.code(i + 1, end + 1, dedent(code.toString()), languages[i]));
                i = end + 1;
                continue;
            }
            if (i == first && !titled && type != Type.ROW && line.strip().length() <= 120 && !LineEnds.endsWithOneOf(line.strip(), SENTENCE_END)
                    && (type == Type.PROSE || type == Type.NUMBERED && headingStyle(i) != null)) {
                titled = true;
                String numbered = numberedText(line);
                sections.heading(1, numbered != null ? numbered : line.strip(), i + 1);
                i++;
                continue;
            }
            String style = headingStyle(i);
            if (style != null) {
                int level = levels.computeIfAbsent(style, s -> 2 + levels.size());
                String title = style.equals("plain") ? line.strip() : numberedText(line);
                sections.heading(level, title, i + 1);
                i++;
                continue;
            }
            switch (type) {
                case BULLET, NUMBERED -> i = list(i, sections);
                case ROW -> i = table(i, sections);
                default -> i = paragraph(i, sections);
            }
        }
        return new NoteStructure(NoteFormat.PLAIN_TEXT, sections.build(), boilerplateRanges(), false, count);
    }

    // ---- boilerplate

    private void markBoilerplate() {
        // Below the last long line of prose, short lines under a list header are article titles, not content.
        lastLongProse = -1;
        for (int i = 0; i < count; i++) {
            String s = lines[i].strip();
            if (s.length() > 60 && !junkLine(i) && !reference(i)) {
                lastLongProse = i;
            }
        }
        for (int i = 0; i < count; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (Junk.isListHeader(lines[i].strip())) {
                junk(i, "reference or related list");
                int j = i + 1;
                while (j < count) {
                    String line = lines[j];
                    if (line.isBlank()) {
                        j++;
                        continue;
                    }
                    if (!referenceLike(j) && !(j > lastLongProse && line.strip().length() <= 60 && !LineEnds.endsWithOneOf(line.strip(), SENTENCE_END))) {
                        break;
                    }
                    junk(j, "reference or related list");
                    j++;
                }
                i = j - 1;
            } else if (junkLine(i)) {
                junk(i, Junk.reason(lines[i]));
            }
        }
        // A footer: short lines (an author name, tag words) between chrome lines at most three lines apart.
        int last = -1;
        for (int i = 0; i < count; i++) {
            if (types[i] != Type.JUNK) {
                continue;
            }
            if (last >= 0 && i - last <= 3) {
                boolean allShort = true;
                for (int j = last + 1; j < i; j++) {
                    allShort &= lines[j].strip().length() <= 40 && numberedHeadingLike(lines[j]) == null;
                }
                if (allShort) {
                    for (int j = last + 1; j < i; j++) {
                        if (!lines[j].isBlank()) {
                            junk(j, "page footer");
                        }
                    }
                }
            }
            last = i;
        }
    }

    private boolean referenceLike(int i) {
        String line = lines[i];
        String s = line.strip();
        if (numberedHeadingLike(line) != null && !NUM_DOT.matcher(s).matches() && !NUM_BRACKET.matcher(s).matches()) {
            return false;
        }
        return reference(i) || junkLine(i) || s.contains("http") || s.contains("《") || s.startsWith("[")
                || (s.length() <= 160 && (BULLET.matcher(s).matches() || NUM_DOT.matcher(s).matches() || NUM_BOTH.matcher(s).matches()));
    }

    /** {@link Junk#isLine} of line i, asked once. */
    private boolean junkLine(int i) {
        if (junkLines[i] == 0) {
            junkLines[i] = (byte) (Junk.isLine(lines[i]) ? 2 : 1);
        }
        return junkLines[i] == 2;
    }

    /** {@link Junk#isReference} of line i, asked once. */
    private boolean reference(int i) {
        if (references[i] == 0) {
            references[i] = (byte) (Junk.isReference(lines[i]) ? 2 : 1);
        }
        return references[i] == 2;
    }

    private void junk(int i, String reason) {
        types[i] = Type.JUNK;
        reasons[i] = reason;
    }

    private List<Boilerplate> boilerplateRanges() {
        List<Boilerplate> ranges = new ArrayList<>();
        int i = 0;
        while (i < count) {
            if (types[i] != Type.JUNK) {
                i++;
                continue;
            }
            int end = i;
            for (int j = i + 1; j < count && (types[j] == Type.JUNK && reasons[j].equals(reasons[i]) || lines[j].isBlank()); j++) {
                if (types[j] == Type.JUNK) {
                    end = j;
                }
            }
            ranges.add(new Boilerplate(i + 1, end + 1, reasons[i]));
            i = end + 1;
        }
        return ranges;
    }

    // ---- code

    private void markCode() {
        for (int i = 0; i < count; i++) {
            if (types[i] != null || lines[i].isBlank()) {
                continue;
            }
            int end = yamlEnd(i);
            CodeDetector.Language language = end > i ? CodeDetector.Language.YAML : CodeDetector.strong(lines[i]);
            if (language == CodeDetector.Language.NONE) {
                continue;
            }
            Map<CodeDetector.Language, Integer> votes = new HashMap<>();
            votes.merge(language, 1, Integer::sum);
            if (language != CodeDetector.Language.YAML) {
                end = i;
                int j = i + 1;
                while (j < count && types[j] == null) {
                    if (lines[j].isBlank()) {
                        int k = j;
                        while (k < count && lines[k].isBlank()) {
                            k++;
                        }
                        if (k < count && types[k] == null
                                && (CodeDetector.strong(lines[k]) != CodeDetector.Language.NONE || indented(lines[k]) && CodeDetector.weak(lines[k]))) {
                            j = k;
                            continue;
                        }
                        break;
                    }
                    CodeDetector.Language more = CodeDetector.strong(lines[j]);
                    if (more != CodeDetector.Language.NONE) {
                        votes.merge(more, 1, Integer::sum);
                    } else if (!CodeDetector.weak(lines[j])) {
                        break;
                    }
                    end = j;
                    j++;
                }
            }
            // A comment line right above the code belongs to it.
            int start = i;
            while (start > 0 && types[start - 1] == null && CodeDetector.weak(lines[start - 1]) && isComment(lines[start - 1])) {
                start--;
            }
            String id = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey().id;
            for (int j = start; j <= end; j++) {
                types[j] = Type.CODE;
            }
            codeEnd[start] = end;
            languages[start] = id;
            i = end;
        }
    }

    private static boolean isComment(String line) {
        String s = line.strip();
        return s.startsWith("# ") || s.startsWith("//");
    }

    /** The last line of a YAML block starting at {@code i} (a "key:" line with nested lines), or -1. */
    private int yamlEnd(int i) {
        if (!CodeDetector.yamlKey(lines[i]) || indented(lines[i])) {
            return -1;
        }
        int end = i;
        boolean nested = false;
        for (int j = i + 1; j < count && types[j] == null; j++) {
            String line = lines[j];
            if (line.isBlank()) {
                continue;
            }
            if (CodeDetector.yamlKey(line) || CodeDetector.yamlItem(line) || isComment(line) && line.strip().startsWith("#")) {
                nested |= indented(line) && CodeDetector.yamlOpen(lines[end]);
                end = j;
            } else {
                break;
            }
        }
        return nested && end > i ? end : -1;
    }

    private static boolean indented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    /** Removes the indentation common to all non-blank lines. */
    private static String dedent(String code) {
        String[] rows = code.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String row : rows) {
            if (!row.isBlank()) {
                int n = 0;
                while (n < row.length() && (row.charAt(n) == ' ' || row.charAt(n) == '\t')) {
                    n++;
                }
                common = Math.min(common, n);
            }
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return code;
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.length; r++) {
            if (r > 0) {
                out.append('\n');
            }
            out.append(rows[r].isBlank() ? "" : rows[r].substring(common));
        }
        return out.toString();
    }

    // ---- lines

    private static Type classify(String line) {
        if (line.isBlank()) {
            return Type.BLANK;
        }
        if (line.indexOf('\t') > 0 && line.strip().split("\t+").length >= 2) {
            return Type.ROW;
        }
        if (numberedHeadingLike(line) != null) {
            return Type.NUMBERED;
        }
        if (BULLET.matcher(line).matches() && !ASCII_BULLET.matcher(line).find()) {
            return Type.BULLET;
        }
        return Type.PROSE;
    }

    /** The numbering style of a numbered line, or null. */
    private static String numberedHeadingLike(String line) {
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

    /** The first character after leading white space can start one of {@link #NUMBERINGS} (a cheap test first). */
    private static boolean mayBeNumbered(String line) {
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

    /** Arabic numbering styles are mixed freely in one list ("1." then "2)"): they are siblings of one family. */
    private static String family(String style) {
        return switch (style) {
            case "dot", "paren", "both", "circled" -> "arabic";
            default -> style;
        };
    }

    /** A numbered line without its number; null when it is not numbered. */
    private static String numberedText(String line) {
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

    /** The heading style of line {@code i} when it is a heading ("plain" for an unnumbered one), else null. */
    private String headingStyle(int i) {
        String line = lines[i];
        int next = nextContent(i + 1);
        Type nextType = next < count ? types[next] : null;
        if (nextType == null || nextType == Type.JUNK) {
            return null; // a heading needs a body
        }
        if (types[i] == Type.NUMBERED) {
            String style = numberedHeadingLike(line);
            String text = numberedText(line);
            boolean strongStyle = style.equals("cn") || style.equals("cn-paren") || style.equals("chapter") || style.equals("part");
            if (style.equals("step") || style.equals("bracket") || !titleLike(text, strongStyle ? 50 : 30, strongStyle ? 12 : 10, true)) {
                return null;
            }
            if (nextType == Type.NUMBERED && family(style).equals(family(numberedHeadingLike(lines[next])))) {
                return null; // a run of siblings: a numbered list
            }
            int previous = previousContent(i - 1);
            if (previous >= 0 && types[previous] == Type.NUMBERED && family(style).equals(family(numberedHeadingLike(lines[previous])))
                    && (previous == 0 || headingStyle(previous) == null)) {
                return null; // the last of a run of siblings
            }
            return style;
        }
        if (types[i] != Type.PROSE) {
            return null;
        }
        String text = line.strip();
        if (!titleLike(text, 30, 10, false) || colonText(text) || copula(text) && !text.endsWith("?")
                && !text.endsWith("？") && !QUESTION.matcher(text).find()) {
            return null;
        }
        if (i > 0 && types[i - 1] == Type.PROSE && LineEnds.endsWithNoneOf(lines[i - 1].strip(), CLOSING) && !lines[i - 1].isBlank()
                && lines[i - 1].strip().length() > 40) {
            return null; // the tail of a wrapped paragraph
        }
        if (nextType == Type.PROSE) {
            String body = lines[next].strip();
            boolean bodyIsTitle = titleLike(body, 30, 10, false) && !colonText(body) && !copula(body);
            return bodyIsTitle ? null : "plain";
        }
        return "plain";
    }

    /** {@link #COLON_TEXT}, run only when the line has a colon. */
    private static boolean colonText(String text) {
        return (text.indexOf(':') >= 0 || text.indexOf('：') >= 0) && COLON_TEXT.matcher(text).matches();
    }

    /** {@link #COPULA}, run only when the line has one of its words. */
    private static boolean copula(String text) {
        return (text.indexOf('是') >= 0 || text.indexOf('指') >= 0 || text.contains("is") || text.contains("are") || text.contains("means"))
                && COPULA.matcher(text).matches();
    }

    /** Short, no sentence punctuation at the end, not starting like a continued sentence. */
    private static boolean titleLike(String text, int maxHan, int maxWords, boolean numbered) {
        if (text == null || text.length() < 2 || LineEnds.endsWithOneOf(text, SENTENCE_END)) {
            return false;
        }
        char c = text.charAt(0);
        boolean han = Scripts.hasHan(text);
        if (c >= 'a' && c <= 'z' && !numbered && !han || "（(「《\"“-—".indexOf(c) >= 0 && !CN_PAREN.matcher(text).matches()) {
            return false;
        }
        if (han) {
            return text.length() <= maxHan;
        }
        return text.length() <= 70 && WORDS.split(text).length <= maxWords;
    }

    private int previousContent(int from) {
        int i = from;
        while (i >= 0 && (types[i] == Type.BLANK || types[i] == Type.JUNK || types[i] == null && lines[i].isBlank())) {
            i--;
        }
        return i;
    }

    private int nextContent(int from) {
        int i = from;
        while (i < count && (types[i] == Type.BLANK || types[i] == Type.JUNK || types[i] == null && lines[i].isBlank())) {
            i++;
        }
        return i;
    }

    // ---- blocks

    private int list(int i, SectionsBuilder sections) {
        Type type = types[i];
        String style = type == Type.NUMBERED ? numberedHeadingLike(lines[i]) : null;
        List<String> items = new ArrayList<>();
        int start = i;
        int end = i;
        int j = i;
        while (j < count) {
            if (types[j] == type && (style == null || family(style).equals(family(numberedHeadingLike(lines[j])))) && (j == i || headingStyle(j) == null)) {
                items.add(type == Type.BULLET ? bulletText(lines[j]) : numberedText(lines[j]));
                end = j;
                j++;
            } else if (types[j] == Type.PROSE && j == end + 1 && indented(lines[j]) && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + lines[j].strip());
                end = j;
                j++;
            } else if (types[j] == Type.BLANK || types[j] == Type.JUNK) {
                int k = nextContent(j);
                if (k < count && types[k] == type && (style == null || family(style).equals(family(numberedHeadingLike(lines[k])))) && headingStyle(k) == null) {
                    j = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        ListKind kind = type == Type.BULLET ? ListKind.BULLETS
                : style.equals("step") ? ListKind.STEPS : ListKinds.ordered(items);
        sections.block(Block.list(kind, start + 1, end + 1, items));
        return end + 1;
    }

    private static String bulletText(String line) {
        Matcher m = BULLET.matcher(line);
        return m.matches() ? m.group(2).strip() : line.strip();
    }

    private int table(int i, SectionsBuilder sections) {
        int columns = lines[i].strip().split("\t+").length;
        List<List<String>> rows = new ArrayList<>();
        int j = i;
        while (j < count && types[j] == Type.ROW && lines[j].strip().split("\t+").length == columns) {
            rows.add(List.of(lines[j].strip().split("\t+")).stream().map(String::strip).toList());
            j++;
        }
        if (rows.size() < 2) {
            sections.block(Block.paragraph(i + 1, i + 1, lines[i].strip().replace('\t', ' ')));
            return i + 1;
        }
        sections.block(Block.table(i + 1, j, rows));
        return j;
    }

    private int paragraph(int i, SectionsBuilder sections) {
        StringBuilder text = new StringBuilder(lines[i].strip());
        int end = i;
        // Hard-wrapped English: a line that does not end a sentence, followed by one that starts in lower case.
        while (end + 1 < count && types[end + 1] == Type.PROSE && LineEnds.endsWithNoneOf(lines[end].strip(), CLOSING)
                && startsLower(lines[end + 1]) && text.length() < MarkdownReader.MAX_BLOCK) {
            end++;
            text.append('\n').append(lines[end].strip());
        }
        sections.block(Block.paragraph(i + 1, end + 1, text.toString()));
        return end + 1;
    }

    private static boolean startsLower(String line) {
        String s = line.strip();
        return !s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z';
    }
}
