package dev.recall.quiz.generation;

import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterNode;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;

import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note parsed with CommonMark (+ GFM tables, + YAML front matter) into sections: each heading with the
 * blocks under it, every block with its 1-based source lines. Front matter is never a block; it is read
 * only for {@code cloze: bold}. Block text is bounded ({@link #MAX_LINE}, {@link #MAX_BLOCK}) so that the
 * pattern matching after parsing stays linear in the size of the note.
 */
final class NoteDocument {

    enum Kind { PARAGRAPH, BULLET_LIST, ORDERED_LIST, CODE, TABLE }

    /** A block; {@code raw} is its Markdown source with inline code masked, {@code items} a list's item texts. */
    record Block(Kind kind, int startLine, int endLine, String raw, List<String> items, String code, String language,
                 List<List<String>> table) {
    }

    record Section(List<String> headingPath, int startLine, List<Block> blocks) {
        String heading() {
            return headingPath.isEmpty() ? "" : headingPath.get(headingPath.size() - 1);
        }
    }

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final Pattern CLOZE_BOLD = Pattern.compile("(?i)\\s*cloze\\s*[:：]\\s*bold\\s*");
    /** Longer lines and blocks are cut: no card fits in them (prompts stop at 500 characters, answers at 1000). */
    static final int MAX_LINE = 2_000;
    static final int MAX_BLOCK = 20_000;
    static final char MASK_START = '\uE000';
    static final char MASK_END = '\uE001';
    private static final Pattern MASK = Pattern.compile(MASK_START + "(\\d+)" + MASK_END);
    private static final Pattern BACKTICKS = Pattern.compile("^`+|`+$");

    final List<Section> sections = new ArrayList<>();
    final boolean boldCloze;
    private final String[] lines;
    private final List<String> masked = new ArrayList<>();

    NoteDocument(String markdown) {
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
        this.lines = text.split("\n", -1);
        Node root = PARSER.parse(text);
        boolean bold = false;
        List<String> path = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        Section current = new Section(List.of(), 1, new ArrayList<>());
        sections.add(current);
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof YamlFrontMatterBlock) {
                for (Node field = node.getFirstChild(); field != null; field = field.getNext()) {
                    if (field instanceof YamlFrontMatterNode yaml && "cloze".equalsIgnoreCase(yaml.getKey())
                            && yaml.getValues().stream().anyMatch(v -> v.strip().equalsIgnoreCase("bold"))) {
                        bold = true;
                    }
                }
            } else if (node instanceof Heading heading) {
                while (!levels.isEmpty() && levels.get(levels.size() - 1) >= heading.getLevel()) {
                    levels.remove(levels.size() - 1);
                    path.remove(path.size() - 1);
                }
                levels.add(heading.getLevel());
                path.add(Text.truncate(Text.plain(inlineText(heading)), 200));
                current = new Section(List.copyOf(path), startLine(heading), new ArrayList<>());
                sections.add(current);
            } else if (node instanceof HtmlBlock html && html.getLiteral() != null
                    && CLOZE_BOLD.matcher(html.getLiteral().replace("<!--", "").replace("-->", "")).matches()) {
                bold = true; // <!-- cloze: bold --> anywhere in the note
            } else if (node instanceof Paragraph && CLOZE_BOLD.matcher(raw(node)).matches()) {
                bold = true; // a line "cloze: bold" in the note is a setting, not a fact
            } else {
                addBlocks(node, current.blocks());
            }
        }
        this.boldCloze = bold;
        sections.removeIf(s -> s.headingPath().isEmpty() && s.blocks().isEmpty());
    }

    private void addBlocks(Node node, List<Block> out) {
        if (node instanceof Paragraph) {
            out.add(new Block(Kind.PARAGRAPH, startLine(node), endLine(node), raw(node), List.of(), null, null, null));
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            List<String> items = new ArrayList<>();
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem && item.getFirstChild() instanceof Paragraph paragraph) {
                    items.add(raw(paragraph));
                }
            }
            out.add(new Block(node instanceof OrderedList ? Kind.ORDERED_LIST : Kind.BULLET_LIST, startLine(node), endLine(node),
                    String.join("\n", items), items, null, null, null));
        } else if (node instanceof FencedCodeBlock code) {
            String info = code.getInfo() == null ? "" : code.getInfo().strip();
            out.add(new Block(Kind.CODE, startLine(node), endLine(node), "", List.of(), code.getLiteral(),
                    info.isEmpty() ? "" : info.split("[ \\t]+")[0], null));
        } else if (node instanceof IndentedCodeBlock code) {
            out.add(new Block(Kind.CODE, startLine(node), endLine(node), "", List.of(), code.getLiteral(), "", null));
        } else if (node instanceof TableBlock) {
            List<List<String>> rows = new ArrayList<>();
            collectRows(node, rows);
            out.add(new Block(Kind.TABLE, startLine(node), endLine(node), "", List.of(), null, null, rows));
        } else if (node instanceof BlockQuote) {
            // Quotes nest arbitrarily deep: walk down iteratively, never recursively.
            Node quote = node;
            while (quote != null) {
                Node nested = null;
                for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof BlockQuote) {
                        nested = nested == null ? child : nested;
                    } else {
                        addBlocks(child, out);
                    }
                }
                quote = nested;
            }
        }
        // HTML blocks (comments included) and thematic breaks carry no facts.
    }

    private void collectRows(Node node, List<List<String>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow) {
                List<String> cells = new ArrayList<>();
                for (Node cell = child.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(Text.plain(inlineText(cell)));
                    }
                }
                rows.add(cells);
            } else if (child instanceof TableHead || child.getFirstChild() != null) {
                collectRows(child, rows);
            }
        }
    }

    /** The block's own source text (without list markers), HTML comments removed and inline code masked. */
    private String raw(Node node) {
        StringBuilder text = new StringBuilder();
        for (SourceSpan span : node.getSourceSpans()) {
            if (text.length() > MAX_BLOCK || span.getLineIndex() >= lines.length) {
                break;
            }
            String line = lines[span.getLineIndex()];
            int from = Math.min(span.getColumnIndex(), line.length());
            int to = Math.min(Math.min(from + span.getLength(), line.length()), from + MAX_LINE);
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line, from, to);
        }
        String[] rawLines = withoutComments(text.toString()).split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : rawLines) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            maskCode(line, out);
        }
        return out.toString().strip();
    }

    /** Removes {@code <!-- ... -->} (an unclosed comment runs to the end), in one pass. */
    static String withoutComments(String text) {
        int open = text.indexOf("<!--");
        if (open < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (open >= 0) {
            out.append(text, at, open);
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                return out.toString();
            }
            at = close + 3;
            open = text.indexOf("<!--", at);
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * Appends the line with each code span (a backtick run up to the next run of the same length) replaced by a
     * mask. Linear: every run is looked at a bounded number of times.
     */
    private void maskCode(String line, StringBuilder out) {
        if (line.indexOf('`') < 0) {
            out.append(line);
            return;
        }
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < line.length(); ) {
            if (line.charAt(i) == '`') {
                int j = i;
                while (j < line.length() && line.charAt(j) == '`') {
                    j++;
                }
                runs.add(new int[] {i, j - i});
                i = j;
            } else {
                i++;
            }
        }
        java.util.Map<Integer, java.util.ArrayDeque<Integer>> byLength = new java.util.HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            byLength.computeIfAbsent(runs.get(r)[1], k -> new java.util.ArrayDeque<>()).add(r);
        }
        int at = 0;
        for (int r = 0; r < runs.size(); r++) {
            int[] run = runs.get(r);
            if (run[0] < at) {
                continue;
            }
            java.util.ArrayDeque<Integer> same = byLength.get(run[1]);
            while (!same.isEmpty() && same.peekFirst() <= r) {
                same.pollFirst();
            }
            if (same.isEmpty()) {
                continue;
            }
            int close = same.pollFirst();
            int end = runs.get(close)[0] + run[1];
            out.append(line, at, run[0]);
            masked.add(line.substring(run[0], end));
            out.append(MASK_START).append(masked.size() - 1).append(MASK_END);
            at = end;
            r = close;
        }
        out.append(line, at, line.length());
    }

    /** Puts masked inline code back. */
    String unmask(String text) {
        if (text.indexOf(MASK_START) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == MASK_START ? text.indexOf(MASK_END, i) : -1;
            if (end > i) {
                try {
                    out.append(masked.get(Integer.parseInt(text.substring(i + 1, end))));
                    i = end + 1;
                    continue;
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    // not one of our masks: keep the characters
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The identifiers written as inline code in this text, e.g. {@code nonlocal} or {@code functools.wraps}. */
    List<String> inlineCode(String rawText) {
        List<String> codes = new ArrayList<>();
        Matcher m = MASK.matcher(rawText);
        while (m.find()) {
            String code = masked.get(Integer.parseInt(m.group(1)));
            codes.add(BACKTICKS.matcher(code).replaceAll("").strip());
        }
        return codes;
    }

    static String inlineText(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString().strip();
    }

    /** Depth-first over the inline nodes with an explicit stack: emphasis may nest very deep. */
    private static void appendText(Node node, StringBuilder out) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
            stack.push(child);
        }
        while (!stack.isEmpty() && out.length() < MAX_BLOCK) {
            Node child = stack.pop();
            if (child instanceof org.commonmark.node.Text text) {
                out.append(text.getLiteral());
            } else if (child instanceof Code code) {
                out.append('`').append(code.getLiteral()).append('`');
            } else if (child instanceof SoftLineBreak) {
                out.append(' ');
            } else if (child instanceof HardLineBreak) {
                out.append('\n');
            } else if (!(child instanceof HtmlInline)) {
                for (Node grandchild = child.getLastChild(); grandchild != null; grandchild = grandchild.getPrevious()) {
                    stack.push(grandchild);
                }
            }
        }
    }

    private static int startLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }

    private static int endLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(spans.size() - 1).getLineIndex() + 1;
    }
}
