package dev.recall.notes;

import java.util.List;

/**
 * One block of a note with its 1-based source lines (inclusive).
 * <ul>
 * <li>{@code text}: the block's source text: for a paragraph its lines (Markdown inline markup kept, HTML comments
 * removed), for a list its items joined by line breaks; empty for code and tables.</li>
 * <li>{@code items}: a list's item texts (markers removed).</li>
 * <li>{@code code} and {@code language}: a code block's literal and its language (the fence's info string, or the
 * language recognised from its syntax for unfenced code; "" when unknown).</li>
 * <li>{@code rows}: a table's rows, header first, each cell as inline text.</li>
 * <li>{@code children}: a quote's blocks.</li>
 * </ul>
 */
public record Block(BlockKind kind, ListKind listKind, int startLine, int endLine, String text, List<String> items, String code,
                    String language, List<List<String>> rows, List<Block> children) {

    public Block {
        items = items == null ? List.of() : List.copyOf(items);
        rows = rows == null ? null : rows.stream().map(List::copyOf).toList();
        children = children == null ? List.of() : List.copyOf(children);
    }

    public static Block paragraph(int startLine, int endLine, String text) {
        return new Block(BlockKind.PARAGRAPH, null, startLine, endLine, text, List.of(), null, null, null, List.of());
    }

    public static Block list(ListKind kind, int startLine, int endLine, List<String> items) {
        return new Block(BlockKind.LIST, kind, startLine, endLine, String.join("\n", items), items, null, null, null, List.of());
    }

    public static Block code(int startLine, int endLine, String code, String language) {
        return new Block(BlockKind.CODE, null, startLine, endLine, "", List.of(), code, language, null, List.of());
    }

    public static Block table(int startLine, int endLine, List<List<String>> rows) {
        return new Block(BlockKind.TABLE, null, startLine, endLine, "", List.of(), null, null, rows, List.of());
    }

    public static Block quote(int startLine, int endLine, List<Block> children) {
        return new Block(BlockKind.QUOTE, null, startLine, endLine, "", List.of(), null, null, null, children);
    }

    /** The words a reader sees, for counting: text, code, table cells, quoted blocks. */
    public String readableText() {
        return switch (kind) {
            case PARAGRAPH, LIST -> text;
            case CODE -> code == null ? "" : code;
            case TABLE -> rows == null ? "" : String.join(" ", rows.stream().map(r -> String.join(" ", r)).toList());
            case QUOTE -> String.join(" ", children.stream().map(Block::readableText).toList());
        };
    }
}
