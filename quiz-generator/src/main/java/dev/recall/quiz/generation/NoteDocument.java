package dev.recall.quiz.generation;

import dev.recall.notes.BlockKind;
import dev.recall.notes.ListKind;
import dev.recall.notes.NoteStructure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note as the generator reads it: the sections and blocks of {@link NoteStructure} (Markdown, or plain text
 * recovered into the same tree), with quoted blocks flattened into their section and inline code masked so that no
 * rule mistakes code for prose. Each section keeps the structure's section id, so every item names a section of
 * the note's outline.
 */
public final class NoteDocument {

    public enum Kind { PARAGRAPH, BULLET_LIST, ORDERED_LIST, CODE, TABLE }

    /** A block; {@code raw} is its source with inline code masked, {@code items} a list's item texts. */
    public record Block(Kind kind, int startLine, int endLine, String raw, List<String> items, String code, String language,
                 List<List<String>> table, ListKind listKind) {
    }

    public record Section(String sectionId, List<String> headingPath, int startLine, List<Block> blocks) {
        public String heading() {
            return headingPath.isEmpty() ? "" : headingPath.get(headingPath.size() - 1);
        }
    }

    public static final char MASK_START = '\uE000';
    public static final char MASK_END = '\uE001';
    private static final Pattern MASK = Pattern.compile(MASK_START + "(\\d+)" + MASK_END);
    private static final Pattern BACKTICKS = Pattern.compile("^`+|`+$");

    public final List<Section> sections = new ArrayList<>();
    public final boolean boldCloze;
    public final NoteStructure structure;
    private final List<String> masked = new ArrayList<>();

    NoteDocument(String note) {
        this(NoteStructure.parse(note));
    }

    NoteDocument(NoteStructure structure) {
        this.structure = structure;
        this.boldCloze = structure.boldCloze();
        for (dev.recall.notes.Section section : structure.sections()) {
            // List.copyOf: a list QuizItem's own List.copyOf keeps as it is (a Stream.toList list it would copy for every
            // item), so a section's items share one path object, which the gate's and the factory's caches look up by identity.
            List<String> path = List.copyOf(section.path().stream().map(title -> Text.truncate(Text.plain(title), 200)).toList());
            List<Block> blocks = new ArrayList<>();
            ArrayDeque<dev.recall.notes.Block> pending = new ArrayDeque<>(section.blocks());
            while (!pending.isEmpty()) {
                dev.recall.notes.Block block = pending.pollFirst();
                if (block.kind() == BlockKind.QUOTE) {
                    List<dev.recall.notes.Block> children = block.children();
                    for (int i = children.size() - 1; i >= 0; i--) {
                        pending.addFirst(children.get(i));
                    }
                    continue;
                }
                blocks.add(adapt(block));
            }
            if (!section.isPreamble() || !blocks.isEmpty()) {
                sections.add(new Section(section.id(), path, section.startLine(), blocks));
            }
        }
    }

    private Block adapt(dev.recall.notes.Block block) {
        return switch (block.kind()) {
            case PARAGRAPH -> new Block(Kind.PARAGRAPH, block.startLine(), block.endLine(), mask(block.text()), List.of(), null, null, null, null);
            case LIST -> {
                List<String> items = block.items().stream().map(this::mask).toList();
                yield new Block(block.listKind() == ListKind.BULLETS ? Kind.BULLET_LIST : Kind.ORDERED_LIST, block.startLine(), block.endLine(),
                        String.join("\n", items), items, null, null, null, block.listKind());
            }
            case CODE -> new Block(Kind.CODE, block.startLine(), block.endLine(), "", List.of(), block.code(), block.language(), null, null);
            case TABLE -> new Block(Kind.TABLE, block.startLine(), block.endLine(), "", List.of(), null, null,
                    block.rows().stream().map(row -> row.stream().map(Text::plain).toList()).toList(), null);
            case QUOTE -> throw new IllegalStateException("quotes are flattened");
        };
    }

    /** The text with each code span (a backtick run up to the next run of the same length) masked, line by line. */
    private String mask(String text) {
        if (text.indexOf('`') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            maskCode(line, out);
        }
        return out.toString().strip();
    }

    /** Linear: every backtick run is looked at a bounded number of times. */
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
        Map<Integer, ArrayDeque<Integer>> byLength = new HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            byLength.computeIfAbsent(runs.get(r)[1], k -> new ArrayDeque<>()).add(r);
        }
        int at = 0;
        for (int r = 0; r < runs.size(); r++) {
            int[] run = runs.get(r);
            if (run[0] < at) {
                continue;
            }
            ArrayDeque<Integer> same = byLength.get(run[1]);
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
    public String unmask(String text) {
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
    public List<String> inlineCode(String rawText) {
        List<String> codes = new ArrayList<>();
        Matcher m = MASK.matcher(rawText);
        while (m.find()) {
            String code = masked.get(Integer.parseInt(m.group(1)));
            codes.add(BACKTICKS.matcher(code).replaceAll("").strip());
        }
        return codes;
    }
}
