package dev.recall.quiz.generation;

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
 * A note parsed with CommonMark (+ GFM tables) into sections: each heading with the blocks under it, every
 * block with its 1-based source lines. Front matter is blanked out (keeping line numbers) and read only
 * for {@code cloze: bold}.
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
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\n(.*?\\n)?---[ \\t]*(\\n|\\z)", Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    static final char MASK_START = '\uE000';
    static final char MASK_END = '\uE001';

    final List<Section> sections = new ArrayList<>();
    final boolean boldCloze;
    private final String[] lines;
    private final List<String> masked = new ArrayList<>();

    NoteDocument(String markdown) {
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
        boolean bold = false;
        Matcher front = FRONT_MATTER.matcher(text);
        if (front.find()) {
            String yaml = front.group(1) == null ? "" : front.group(1);
            bold = yaml.lines().anyMatch(line -> line.replace(" ", "").equalsIgnoreCase("cloze:bold"));
            text = "\n".repeat((int) front.group().chars().filter(c -> c == '\n').count()) + text.substring(front.end());
        }
        this.boldCloze = bold || text.contains("<!-- cloze: bold -->");
        this.lines = text.split("\n", -1);
        List<String> path = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        Section current = new Section(List.of(), 1, new ArrayList<>());
        sections.add(current);
        for (Node node = PARSER.parse(text).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                while (!levels.isEmpty() && levels.get(levels.size() - 1) >= heading.getLevel()) {
                    levels.remove(levels.size() - 1);
                    path.remove(path.size() - 1);
                }
                levels.add(heading.getLevel());
                path.add(Text.plain(inlineText(heading)));
                current = new Section(List.copyOf(path), startLine(heading), new ArrayList<>());
                sections.add(current);
            } else {
                addBlocks(node, current.blocks());
            }
        }
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
                    info.isEmpty() ? "" : info.split("\\s+")[0], null));
        } else if (node instanceof IndentedCodeBlock code) {
            out.add(new Block(Kind.CODE, startLine(node), endLine(node), "", List.of(), code.getLiteral(), "", null));
        } else if (node instanceof TableBlock) {
            List<List<String>> rows = new ArrayList<>();
            collectRows(node, rows);
            out.add(new Block(Kind.TABLE, startLine(node), endLine(node), "", List.of(), null, null, rows));
        } else if (node instanceof BlockQuote) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                addBlocks(child, out);
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
            String line = lines[span.getLineIndex()];
            int from = Math.min(span.getColumnIndex(), line.length());
            int to = Math.min(from + span.getLength(), line.length());
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line, from, to);
        }
        String withoutComments = HTML_COMMENT.matcher(text).replaceAll("");
        Matcher code = INLINE_CODE.matcher(withoutComments);
        StringBuilder out = new StringBuilder();
        while (code.find()) {
            masked.add(code.group());
            code.appendReplacement(out, Matcher.quoteReplacement(MASK_START + String.valueOf(masked.size() - 1) + MASK_END));
        }
        code.appendTail(out);
        return out.toString().strip();
    }

    /** Puts masked inline code back. */
    String unmask(String text) {
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
        Matcher m = Pattern.compile(MASK_START + "(\\d+)" + MASK_END).matcher(rawText);
        while (m.find()) {
            String code = masked.get(Integer.parseInt(m.group(1)));
            codes.add(code.replaceAll("^`+|`+$", "").strip());
        }
        return codes;
    }

    static String inlineText(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString().strip();
    }

    private static void appendText(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                out.append(text.getLiteral());
            } else if (child instanceof Code code) {
                out.append('`').append(code.getLiteral()).append('`');
            } else if (child instanceof SoftLineBreak) {
                out.append(' ');
            } else if (child instanceof HardLineBreak) {
                out.append('\n');
            } else if (!(child instanceof HtmlInline)) {
                appendText(child, out);
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
