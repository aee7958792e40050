package dev.recall.notes;

import java.util.ArrayList;
import java.util.List;

/** Collects headings and blocks in note order and builds the sections: paths, ids and end lines. */
final class SectionsBuilder {

    private record Open(int level, String title, int startLine, List<Block> blocks) {
    }

    private final List<Open> headings = new ArrayList<>();
    private final List<Block> preamble = new ArrayList<>();
    private final int lineCount;

    SectionsBuilder(int lineCount) {
        this.lineCount = lineCount;
    }

    void heading(int level, String title, int startLine) {
        headings.add(new Open(level, title, startLine, new ArrayList<>()));
    }

    void block(Block block) {
        (headings.isEmpty() ? preamble : headings.get(headings.size() - 1).blocks()).add(block);
    }

    /** The blocks the next {@link #block} call adds to. */
    List<Block> currentBlocks() {
        return headings.isEmpty() ? preamble : headings.get(headings.size() - 1).blocks();
    }

    List<Section> build() {
        List<Section> sections = new ArrayList<>();
        if (!preamble.isEmpty()) {
            int end = headings.isEmpty() ? lineCount : headings.get(0).startLine() - 1;
            sections.add(new Section(null, 0, "", List.of(), 1, Math.max(1, end), preamble));
        }
        SectionIds ids = new SectionIds();
        List<Open> stack = new ArrayList<>();
        // Each heading's end line is where the next heading of the same or a higher level starts: one pass, newest first.
        int[] ends = new int[headings.size()];
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Open heading = headings.get(i);
            while (!waiting.isEmpty() && headings.get(waiting.get(waiting.size() - 1)).level() >= heading.level()) {
                ends[waiting.remove(waiting.size() - 1)] = heading.startLine() - 1;
            }
            waiting.add(i);
        }
        for (int open : waiting) {
            ends[open] = lineCount;
        }
        List<String> keys = new ArrayList<>(); // the titles of the stack as ids see them, one per heading
        for (int i = 0; i < headings.size(); i++) {
            Open heading = headings.get(i);
            while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= heading.level()) {
                stack.remove(stack.size() - 1);
                keys.remove(keys.size() - 1);
            }
            stack.add(heading);
            keys.add(SectionIds.key(heading.title()));
            List<String> path = stack.stream().map(Open::title).toList();
            sections.add(new Section(ids.nextOfKeys(keys), heading.level(), heading.title(), path, heading.startLine(),
                    Math.max(ends[i], heading.startLine()), heading.blocks()));
        }
        return sections;
    }

    /** Lines of the note; a final line break does not start another line. */
    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return text.charAt(text.length() - 1) == '\n' ? lines - 1 : lines;
    }
}
