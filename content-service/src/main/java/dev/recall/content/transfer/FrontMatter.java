package dev.recall.content.transfer;

import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A Markdown file's YAML front matter ({@code title}, {@code tags} as a list or a comma-separated value,
 * {@code language}, {@code visibility}): {@link #read} takes it off an imported file, {@link #write} puts it
 * on an exported one, so an export imports back as the same notes.
 */
public final class FrontMatter {

    private static final Parser PARSER = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

    private FrontMatter() {
    }

    public static MarkdownFile read(List<String> folders, String fileName, String text) {
        Node document = PARSER.parse(text);
        YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
        document.accept(visitor);
        Map<String, List<String>> data = visitor.getData();
        String body = data.isEmpty() ? text : stripFrontMatter(text);
        String title = first(data, "title");
        if (title == null) {
            title = firstHeading(document);
        }
        if (title == null || title.isBlank()) {
            title = fileName.replaceFirst("(?i)\\.(md|markdown)$", "");
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String value : data.getOrDefault("tags", List.of())) {
            for (String tag : value.replaceAll("^\\[|]$", "").split(",")) {
                String t = unquote(tag.strip());
                if (!t.isEmpty()) {
                    tags.add(t);
                }
            }
        }
        return new MarkdownFile(List.copyOf(folders), fileName, unquote(title.strip()), new ArrayList<>(tags),
                first(data, "language"), first(data, "visibility"), body);
    }

    /** The note as a Markdown file: front matter, then the body unchanged. */
    public static String write(String title, List<String> tags, String language, String visibility, String markdown) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("title: \"").append(title.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        out.append("tags: [").append(String.join(", ", tags.stream().map(t -> "\"" + t.replace("\"", "") + "\"").toList()))
                .append("]\n");
        if (language != null) {
            out.append("language: ").append(language).append('\n');
        }
        out.append("visibility: ").append(visibility).append("\n---\n");
        return out.append(markdown).toString();
    }

    private static String first(Map<String, List<String>> data, String key) {
        List<String> values = data.get(key);
        return values == null || values.isEmpty() ? null : unquote(values.get(0).strip());
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String firstHeading(Node document) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading heading) {
                StringBuilder out = new StringBuilder();
                for (Node c = heading.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof Text t) {
                        out.append(t.getLiteral());
                    }
                }
                return out.toString();
            }
        }
        return null;
    }

    /** The text after the closing {@code ---} (or {@code ...}) of the front matter. */
    static String stripFrontMatter(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return rest.startsWith("\n") ? rest.substring(1) : rest;
            }
        }
        return text;
    }
}
