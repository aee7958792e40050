package dev.recall.notes;

import java.util.List;

/**
 * A note read into sections and blocks, the one structure both the outline (content-service) and the quiz
 * generator use, so an item's section id always names a section of the outline.
 * <p>
 * {@link #parse} reads Markdown with CommonMark when the note carries Markdown structure, and otherwise recovers
 * the structure of pasted plain text line by line ({@link PlainTextReader}); {@link FormatDetector} decides, per
 * note. Boilerplate (footers, counters, share widgets, reference lists, copyright lines) is listed in
 * {@link #boilerplate()} and left out of the sections; the note's text itself is never changed.
 */
public record NoteStructure(NoteFormat format, List<Section> sections, List<Boilerplate> boilerplate, boolean boldCloze,
                            int lineCount) {

    /** Notes larger than this are cut before parsing: reading stays linear and bounded. */
    public static final int MAX_CHARS = 16_000_000;

    public NoteStructure {
        sections = List.copyOf(sections);
        boilerplate = List.copyOf(boilerplate);
    }

    public static NoteStructure parse(String note) {
        String text = note == null ? "" : note.length() > MAX_CHARS ? note.substring(0, MAX_CHARS) : note;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return FormatDetector.isMarkdown(text) ? MarkdownReader.read(text) : PlainTextReader.read(text);
    }

    /** The sections that have a heading (the preamble is not part of an outline). */
    public List<Section> outline() {
        return sections.stream().filter(s -> !s.isPreamble()).toList();
    }
}
