package dev.recall.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Recovers the structure of a note that carries no Markdown (text pasted from a web page), line by line, in passes
 * over {@link PlainLines}:
 * <ol>
 * <li>boilerplate ({@link BoilerplateMarker}): page chrome lines, reference and related-article lists under their
 * header, and the short lines between chrome lines of a footer;</li>
 * <li>unfenced code, kept whole ({@link CodeRegions}): a run of lines that starts at a line whose syntax alone says
 * code and goes on over indented lines, brackets, comments and blank lines; YAML by its nesting;</li>
 * <li>every other line by its shape ({@link LineClassifier}): blank, table row, numbered ({@link Numbering}), bullet,
 * prose;</li>
 * <li>headings ({@link HeadingRecognizer}): the note's first line is its title; numbered lines and short standalone
 * lines are headings when body text follows them rather than a sibling of the same kind (then they are list
 * items). Levels follow the order in which numbering styles first appear;</li>
 * <li>blocks, here: lists of bullets and numbered runs, tab-separated rows as tables, every other line a paragraph
 * (hard-wrapped English lines are joined).</li>
 * </ol>
 */
final class PlainTextReader {

    private final PlainLines note;
    private final HeadingRecognizer headings;

    private PlainTextReader(String text) {
        this.note = new PlainLines(text);
        this.headings = new HeadingRecognizer(note);
    }

    static NoteStructure read(String text) {
        return new PlainTextReader(text).parse();
    }

    private NoteStructure parse() {
        String[] lines = note.lines;
        LineType[] types = note.types;
        int count = note.count;
        note.askJunkAhead();
        BoilerplateMarker.mark(note);
        note.askCodeAhead();
        CodeRegions code = CodeRegions.mark(note);
        // Every other line by its own shape: line by line, independent, so a long note's lines on the common pool.
        IntStream unmarked = IntStream.range(0, count).filter(i -> types[i] == null);
        (count >= PlainLines.PARALLEL_FROM_LINES ? unmarked.parallel() : unmarked).forEach(i -> types[i] = LineClassifier.classify(lines[i]));
        markOutput();
        SectionsBuilder sections = new SectionsBuilder(count);
        Map<String, Integer> levels = new HashMap<>();
        int first = note.nextContent(0);
        boolean titled = false;
        int i = 0;
        while (i < count) {
            LineType type = types[i];
            String line = lines[i];
            if (type == LineType.BLANK || type == LineType.JUNK) {
                i++;
                continue;
            }
            if (type == LineType.CODE) {
                int end = code.end(i);
                sections.block(Block.code(i + 1, end + 1, code.code(i), code.language(i)));
                i = end + 1;
                continue;
            }
            if (i == first && !titled && type != LineType.ROW && line.strip().length() <= 120
                    && !LineEnds.endsWithOneOf(line.strip(), HeadingRecognizer.SENTENCE_END)
                    && (type == LineType.PROSE || type == LineType.NUMBERED && headings.style(i) != null)) {
                titled = true;
                String numbered = Numbering.text(line);
                sections.heading(1, numbered != null ? numbered : line.strip(), i + 1);
                i++;
                continue;
            }
            String style = headings.style(i);
            if (style != null) {
                String title = style.equals("plain") ? line.strip() : Numbering.text(line);
                // A closing heading ("总结", "Summary", "Tips") after numbered sections closes the note, not the last section.
                int level = style.equals("plain") && CLOSING.matcher(title).matches() ? 2 : levels.computeIfAbsent(style, s -> 2 + levels.size());
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
        return new NoteStructure(NoteFormat.PLAIN_TEXT, sections.build(), BoilerplateMarker.ranges(note), false, count);
    }

    /** A line that is only an output label: what the code above prints is on the lines below it. */
    private static final java.util.regex.Pattern OUTPUT_LABEL = java.util.regex.Pattern.compile(
            "(?i)^(?:输出|打印|结果|输出结果|运行结果|执行结果|控制台输出|(?:输出|运行结果|结果|执行结果)如下|output|prints?|it prints|this prints|result)\\s*[:：]$");
    static final int MAX_OUTPUT_LINES = 6;

    static boolean outputLabel(String line) {
        String s = line.strip();
        return s.length() <= 12 && (s.endsWith(":") || s.endsWith("：")) && OUTPUT_LABEL.matcher(s).matches();
    }

    /**
     * The short lines right below an output label, up to a blank line, are what the code prints: one paragraph each
     * ({@code CodeOutputRule} reads them so), never headings. A line of a numbering that heads sections ("（九）")
     * ends them.
     */
    private void markOutput() {
        String[] lines = note.lines;
        LineType[] types = note.types;
        for (int i = 0; i < note.count; i++) {
            if (types[i] != LineType.PROSE || !outputLabel(lines[i])) {
                continue;
            }
            int j = i + 1;
            while (j < note.count && j - i <= MAX_OUTPUT_LINES && types[j] != null && types[j] != LineType.BLANK && types[j] != LineType.JUNK
                    && types[j] != LineType.CODE && lines[j].strip().length() <= 80
                    && !(types[j] == LineType.NUMBERED && Numbering.strong(Numbering.style(lines[j])))) {
                note.output[j] = true;
                types[j] = LineType.PROSE;
                j++;
            }
            i = j - 1;
        }
    }

    static final java.util.regex.Pattern CLOSING = java.util.regex.Pattern.compile(
            "(?i)^(?:总结|小结|结语|结论|写在最后|最后|常见面试题|面试题|补充|summary|conclusion|wrap-up|tips|faq|final thoughts|key takeaways|takeaways)\\s*[:：]?$");

    /** A list from line {@code i}: lines of its type (numbered: of its numbering family) that are not headings. */
    private int list(int i, SectionsBuilder sections) {
        String[] lines = note.lines;
        LineType[] types = note.types;
        int count = note.count;
        LineType type = types[i];
        String style = type == LineType.NUMBERED ? Numbering.style(lines[i]) : null;
        List<String> items = new ArrayList<>();
        int start = i;
        int end = i;
        int j = i;
        while (j < count) {
            if (types[j] == type && (style == null || Numbering.family(style).equals(Numbering.family(Numbering.style(lines[j]))))
                    && (j == i || headings.style(j) == null)) {
                items.add(type == LineType.BULLET ? LineClassifier.bulletText(lines[j]) : Numbering.text(lines[j]));
                end = j;
                j++;
            } else if (types[j] == LineType.PROSE && j == end + 1 && PlainLines.indented(lines[j]) && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + lines[j].strip());
                end = j;
                j++;
            } else if (types[j] == LineType.BLANK || types[j] == LineType.JUNK) {
                int k = note.nextContent(j);
                if (k < count && types[k] == type && (style == null || Numbering.family(style).equals(Numbering.family(Numbering.style(lines[k]))))
                        && headings.style(k) == null) {
                    j = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        ListKind kind = type == LineType.BULLET ? ListKind.BULLETS
                : style.equals("step") ? ListKind.STEPS : ListKinds.ordered(items);
        sections.block(Block.list(kind, start + 1, end + 1, items));
        return end + 1;
    }

    /** Rows with the same number of tab-separated cells; a single row is a paragraph. */
    private int table(int i, SectionsBuilder sections) {
        String[] lines = note.lines;
        int columns = LineClassifier.cells(lines[i]).length;
        List<List<String>> rows = new ArrayList<>();
        int j = i;
        while (j < note.count && note.types[j] == LineType.ROW && LineClassifier.cells(lines[j]).length == columns) {
            rows.add(List.of(LineClassifier.cells(lines[j])).stream().map(String::strip).toList());
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
        String[] lines = note.lines;
        StringBuilder text = new StringBuilder(lines[i].strip());
        int end = i;
        if (note.output[i] || i + 1 < note.count && (note.output[i + 1] || outputLabel(lines[i + 1]))) {
            // A printed line, and an output label, are a paragraph of their own.
            sections.block(Block.paragraph(i + 1, i + 1, text.toString()));
            return i + 1;
        }
        // Hard-wrapped English: a line that does not end a sentence, followed by one that starts in lower case.
        while (end + 1 < note.count && note.types[end + 1] == LineType.PROSE && LineEnds.endsWithNoneOf(lines[end].strip(), HeadingRecognizer.CLOSING)
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
