package dev.recall.content.outline;

import dev.recall.events.NoteEvents.Section;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The heading tree of a Markdown note, parsed with CommonMark (ATX and setext headings; nothing inside
 * code blocks or front matter counts). A section id is a hash of the heading path (and its occurrence
 * among equal paths), so it survives every edit that does not touch the headings above it: rewording a
 * paragraph, adding a sibling section after it, changing its body.
 */
public final class OutlineParser {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private OutlineParser() {
    }

    /** The flat sections, as carried by the events. */
    public static List<Section> outline(String markdown) {
        return parse(markdown).sections();
    }

    public static Outline parse(String markdown) {
        Node document = PARSER.parse(markdown);
        int lineCount = lineCount(markdown);

        record Open(int level, String title, int startLine, int ownWords) {
        }
        List<Open> headings = new ArrayList<>();
        int preamble = 0;
        int total = 0;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof YamlFrontMatterBlock) {
                continue;
            }
            int words = WordCounter.count(text(block));
            total += words;
            if (block instanceof Heading heading) {
                headings.add(new Open(heading.getLevel(), text(heading).strip(), firstLine(block), 0));
            } else if (headings.isEmpty()) {
                preamble += words;
            } else {
                Open last = headings.remove(headings.size() - 1);
                headings.add(new Open(last.level(), last.title(), last.startLine(), last.ownWords() + words));
            }
        }

        List<Section> sections = new ArrayList<>();
        List<Integer> sectionWords = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        List<Open> stack = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Open heading = headings.get(i);
            while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= heading.level()) {
                stack.remove(stack.size() - 1);
            }
            stack.add(heading);
            List<String> path = stack.stream().map(Open::title).toList();
            int end = lineCount;
            int words = heading.ownWords();
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level() <= heading.level()) {
                    end = headings.get(j).startLine() - 1;
                    break;
                }
                words += headings.get(j).ownWords() + WordCounter.count(headings.get(j).title());
            }
            String key = String.join("\u0000", path);
            int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
            sections.add(new Section(sectionId(key + "\u0000" + occurrence), heading.level(), heading.title(), path,
                    heading.startLine(), Math.max(end, heading.startLine())));
            sectionWords.add(words);
        }
        return new Outline(List.copyOf(sections), tree(sections, sectionWords), total);
    }

    private static List<OutlineSection> tree(List<Section> sections, List<Integer> words) {
        record Builder(Section section, int words, List<Builder> children) {
            OutlineSection build() {
                return new OutlineSection(section.sectionId(), section.level(), section.title(), section.path(),
                        section.startLine(), section.endLine(), words, children.stream().map(Builder::build).toList());
            }
        }
        List<Builder> roots = new ArrayList<>();
        List<Builder> stack = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Builder node = new Builder(sections.get(i), words.get(i), new ArrayList<>());
            while (!stack.isEmpty() && stack.get(stack.size() - 1).section().level() >= node.section().level()) {
                stack.remove(stack.size() - 1);
            }
            (stack.isEmpty() ? roots : stack.get(stack.size() - 1).children()).add(node);
            stack.add(node);
        }
        return roots.stream().map(Builder::build).toList();
    }

    /** Lines of the note; a final line break does not start another line. */
    static int lineCount(String markdown) {
        if (markdown.isEmpty()) {
            return 1;
        }
        int lines = 1;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == markdown.length() || markdown.charAt(i + 1) != '\n'))) {
                lines++;
            }
        }
        char last = markdown.charAt(markdown.length() - 1);
        return last == '\n' || last == '\r' ? lines - 1 : lines;
    }

    private static int firstLine(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }

    /** The readable text of a block: text, inline code and code blocks; no markup. */
    static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(' ').append(code.getLiteral()).append(' ');
            }

            @Override
            public void visit(FencedCodeBlock code) {
                out.append('\n').append(code.getLiteral()).append('\n');
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                out.append('\n').append(code.getLiteral()).append('\n');
            }

            @Override
            public void visit(HtmlBlock html) {
                // markup, not words
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak br) {
                out.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.HardLineBreak br) {
                out.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof org.commonmark.node.Block) {
                    out.append(' ');
                }
            }
        });
        return out.toString();
    }

    private static String sectionId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
