package dev.recall.notes;

/** How a note was read: as CommonMark, or as plain text whose structure was recovered line by line. */
public enum NoteFormat {
    MARKDOWN, PLAIN_TEXT
}
