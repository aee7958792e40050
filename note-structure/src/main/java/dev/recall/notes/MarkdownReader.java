package dev.recall.notes;

import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterNode;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.internal.InlineParserImpl;
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
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown note read with CommonMark (+ GFM tables, + YAML front matter): each heading with the blocks under it.
 * Front matter is never a block; it is read only for {@code cloze: bold}. Block text is bounded ({@link #MAX_LINE},
 * {@link #MAX_BLOCK}) so that what is done with it afterwards stays linear in the size of the note. Sections whose
 * heading names a reference or related-articles list, and paragraphs made only of page chrome, are boilerplate.
 */
final class MarkdownReader {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS) // only blocks' lines are read: inline spans would cost a third more
            .inlineParserFactory(MarkdownReader::headingsAndCellsOnly)
            .build();
    private static final Pattern BOLD_LINE = Pattern.compile("^(?:\\*\\*([^*]+)\\*\\*|__([^_]+)__)$");
    private static final Pattern INFO_SEPARATOR = Pattern.compile("[ \\t]+");
    private static final Pattern CLOZE_BOLD = Pattern.compile("(?i)\\s*cloze\\s*[:：]\\s*bold\\s*");
    /** Longer lines and blocks are cut: no card fits in them. */
    static final int MAX_LINE = 2_000;
    static final int MAX_BLOCK = 20_000;

    private final String[] lines;
    private final List<Boilerplate> boilerplate = new ArrayList<>();
    private Node lastRawNode;
    private String lastRaw;

    private MarkdownReader(String text) {
        this.lines = text.split("\n", -1);
    }

    /**
     * CommonMark's own inline parser, but only for headings and table cells: their text is read from inline nodes
     * ({@link #inlineText}), while paragraphs are read from their source lines ({@link #raw}), so parsing their
     * emphasis, links and code spans (most of the inline work of a note) would be thrown away. Link reference
     * definitions are block syntax and still resolve. The default parser is an internal class of CommonMark: there
     * is no public way to wrap it. A heading or cell without any character the inline parser treats specially is
     * one text node, as that parser makes it (its trailing spaces and tabs cut), without the parser's set-up for
     * each call (most headings are plain words).
     */
    private static InlineParser headingsAndCellsOnly(InlineParserContext context) {
        InlineParser full = new InlineParserImpl(context);
        return (lines, node) -> {
            if (node instanceof Paragraph) {
                return;
            }
            String content = lines.getContent();
            if (hasInlineSyntax(content)) {
                full.parse(lines, node);
            } else {
                int end = content.length();
                while (end > 0 && (content.charAt(end - 1) == ' ' || content.charAt(end - 1) == '\t')) {
                    end--;
                }
                if (!content.isEmpty()) { // the inline parser adds no node for empty content, and keeps an all-blank one as ""
                    node.appendChild(new org.commonmark.node.Text(content.substring(0, end)));
                }
            }
        };
    }

    /**
     * The characters CommonMark's inline parser (with no inline extensions) treats specially: emphasis delimiters,
     * backslash, backticks, entities, autolinks and HTML, brackets, images, line breaks; and NUL, its end marker.
     */
    private static final String INLINE_SPECIAL = "*_\\`&<[]!\n\0";

    private static boolean hasInlineSyntax(String content) {
        for (int i = 0; i < content.length(); i++) {
            if (INLINE_SPECIAL.indexOf(content.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static NoteStructure read(String text) {
        return new MarkdownReader(text).parse(text);
    }

    private NoteStructure parse(String text) {
        Node root = PARSER.parse(text);
        int lineCount = SectionsBuilder.lineCount(text);
        SectionsBuilder sections = new SectionsBuilder(lineCount);
        boolean bold = false;
        int skipBelow = Integer.MAX_VALUE; // a boilerplate heading's level: its section and subsections are skipped
        // A note with no heading at all may mark its headings with bold lines ("**1、volatile 关键字**"): only then are
        // such lines headings, so a note that has headings parses exactly as CommonMark reads it.
        boolean boldHeadings = !hasHeading(root);
        int boldLevel = 1;
        String boldTitle;
        Paragraphs paragraphs = new Paragraphs(root);
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            paragraphs.at(node);
            if (node instanceof YamlFrontMatterBlock) {
                for (Node field = node.getFirstChild(); field != null; field = field.getNext()) {
                    if (field instanceof YamlFrontMatterNode yaml && "cloze".equalsIgnoreCase(yaml.getKey())
                            && yaml.getValues().stream().anyMatch(v -> v.strip().equalsIgnoreCase("bold"))) {
                        bold = true;
                    }
                }
            } else if (node instanceof Heading heading) {
                String title = Inline.truncate(inlineText(heading), 200);
                if (heading.getLevel() <= skipBelow) {
                    skipBelow = Integer.MAX_VALUE;
                }
                if (skipBelow == Integer.MAX_VALUE && Junk.isListHeader(title)) {
                    skipBelow = heading.getLevel();
                }
                if (skipBelow != Integer.MAX_VALUE) {
                    boilerplate.add(new Boilerplate(startLine(heading), endLine(heading), "reference or related list"));
                    continue;
                }
                sections.heading(heading.getLevel(), title, startLine(heading));
            } else if (skipBelow != Integer.MAX_VALUE) {
                boilerplate.add(new Boilerplate(startLine(node), endLine(node), "reference or related list"));
            } else if (node instanceof HtmlBlock html && html.getLiteral() != null
                    && CLOZE_BOLD.matcher(html.getLiteral().replace("<!--", "").replace("-->", "")).matches()) {
                bold = true; // <!-- cloze: bold --> anywhere in the note
            } else if (node instanceof Paragraph && CLOZE_BOLD.matcher(raw(node)).matches()) {
                bold = true; // a line "cloze: bold" in the note is a setting, not a fact
            } else if (node instanceof Paragraph && paragraphs.allJunk(node)) {
                boilerplate.add(new Boilerplate(startLine(node), endLine(node), Junk.reason(raw(node))));
            } else if (boldHeadings && node instanceof Paragraph && (boldTitle = boldHeading(raw(node))) != null) {
                String paragraph = raw(node);
                int cut = paragraph.indexOf('\n');
                sections.heading(boldLevel, boldTitle, startLine(node));
                boldLevel = 2; // the first is the note's title, the others its sections
                if (cut > 0 && !paragraph.substring(cut + 1).isBlank()) {
                    sections.currentBlocks().add(Block.paragraph(startLine(node) + 1, endLine(node), paragraph.substring(cut + 1).strip()));
                }
            } else {
                addBlocks(node, sections.currentBlocks());
            }
        }
        return new NoteStructure(NoteFormat.MARKDOWN, sections.build(), boilerplate, bold, lineCount);
    }

    /** Notes with at least this many blocks at the top have their paragraphs read ahead on the common pool; the same either way. */
    static final int PARALLEL_FROM_NODES = 500;

    /**
     * The text of each paragraph at the top of the note and whether it is all page chrome, read ahead: each depends on
     * the paragraph alone, so a long note reads them in parallel, and the walk in note order only looks them up.
     */
    private final class Paragraphs {
        private final java.util.IdentityHashMap<Node, Integer> index = new java.util.IdentityHashMap<>();
        private final String[] raws;
        private final boolean[] junk;

        Paragraphs(Node root) {
            List<Node> nodes = new ArrayList<>();
            for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof Paragraph) {
                    index.put(node, nodes.size());
                    nodes.add(node);
                }
            }
            raws = new String[nodes.size()];
            junk = new boolean[nodes.size()];
            java.util.stream.IntStream all = java.util.stream.IntStream.range(0, nodes.size());
            (nodes.size() >= PARALLEL_FROM_NODES ? all.parallel() : all).forEach(i -> {
                raws[i] = rawOf(nodes.get(i));
                junk[i] = Junk.allJunk(raws[i]);
            });
        }

        /** The walk is at this node: {@link #raw} answers from what was read ahead. */
        void at(Node node) {
            Integer i = index.get(node);
            if (i != null) {
                lastRawNode = node;
                lastRaw = raws[i];
            }
        }

        boolean allJunk(Node paragraph) {
            return junk[index.get(paragraph)];
        }
    }

    private static boolean hasHeading(Node root) {
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading) {
                return true;
            }
        }
        return false;
    }

    /**
     * The heading a paragraph's first line is when that line is all bold, short and no sentence ("**二、HashMap 原理**"),
     * without its numbering; null otherwise.
     */
    static String boldHeading(String paragraph) {
        int cut = paragraph.indexOf('\n');
        String first = (cut < 0 ? paragraph : paragraph.substring(0, cut)).strip();
        Matcher m = BOLD_LINE.matcher(first);
        if (!m.matches()) {
            return null;
        }
        String title = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
        if (title.length() > 40 || LineEnds.endsWithOneOf(title, "。.：:；;，,!！")) {
            return null;
        }
        String unnumbered = Numbering.text(title);
        return unnumbered == null || unnumbered.isEmpty() ? title : unnumbered;
    }

    private void addBlocks(Node node, List<Block> out) {
        if (node instanceof Paragraph) {
            out.add(Block.paragraph(startLine(node), endLine(node), raw(node)));
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            List<String> items = new ArrayList<>();
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem && item.getFirstChild() instanceof Paragraph paragraph) {
                    items.add(raw(paragraph));
                }
            }
            ListKind kind = node instanceof OrderedList ? ListKinds.ordered(items) : ListKind.BULLETS;
            out.add(Block.list(kind, startLine(node), endLine(node), items));
        } else if (node instanceof FencedCodeBlock code) {
            String info = code.getInfo() == null ? "" : code.getInfo().strip();
            out.add(Block.code(startLine(node), endLine(node), code.getLiteral(), info.isEmpty() ? "" : INFO_SEPARATOR.split(info)[0]));
        } else if (node instanceof IndentedCodeBlock code) {
            out.add(Block.code(startLine(node), endLine(node), code.getLiteral(), ""));
        } else if (node instanceof TableBlock) {
            List<List<String>> rows = new ArrayList<>();
            collectRows(node, rows);
            out.add(Block.table(startLine(node), endLine(node), rows));
        } else if (node instanceof BlockQuote) {
            // Quotes nest arbitrarily deep: walk down iteratively, never recursively; nested quotes flatten into one.
            List<Block> children = new ArrayList<>();
            Node quote = node;
            while (quote != null) {
                Node nested = null;
                for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof BlockQuote) {
                        nested = nested == null ? child : nested;
                    } else if (!(child instanceof BlockQuote)) {
                        addBlocks(child, children);
                    }
                }
                quote = nested;
            }
            out.add(Block.quote(startLine(node), endLine(node), children));
        }
        // HTML blocks (comments included) and thematic breaks carry no facts.
    }

    private void collectRows(Node node, List<List<String>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow) {
                List<String> cells = new ArrayList<>();
                for (Node cell = child.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(inlineText(cell));
                    }
                }
                rows.add(cells);
            } else if (child instanceof TableHead || child.getFirstChild() != null) {
                collectRows(child, rows);
            }
        }
    }

    /** The block's own source text (without list markers), HTML comments removed. */
    private String raw(Node node) {
        if (node == lastRawNode) {
            return lastRaw; // a paragraph is asked up to four times in a row
        }
        lastRawNode = node;
        lastRaw = rawOf(node);
        return lastRaw;
    }

    private String rawOf(Node node) {
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
        return Inline.withoutComments(text.toString()).strip();
    }

    /** The text of inline nodes: code spans in backticks, soft breaks as spaces, HTML dropped. */
    static String inlineText(Node node) {
        StringBuilder out = new StringBuilder();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
            stack.push(child);
        }
        // Depth-first with an explicit stack: emphasis may nest very deep.
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
        return out.toString().strip();
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
