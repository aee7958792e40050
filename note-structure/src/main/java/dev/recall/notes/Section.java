package dev.recall.notes;

import java.util.List;

/**
 * A heading of the note and the blocks directly under it (not those of its subsections). {@code id} is stable
 * across edits that keep the headings above and at this section ({@link SectionIds}); {@code path} is the titles
 * from the top heading down to this one; {@code endLine} is the last line before the next heading of the same or
 * a higher level. The preamble (blocks before the first heading) is a section with level 0, an empty path and a
 * null id: it is not part of the outline.
 */
public record Section(String id, int level, String title, List<String> path, int startLine, int endLine, List<Block> blocks) {

    public Section {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
    }

    public boolean isPreamble() {
        return level == 0;
    }
}
