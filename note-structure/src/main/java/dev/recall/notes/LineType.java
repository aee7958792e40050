package dev.recall.notes;

/** What one line of a plain-text note is, as {@link PlainTextReader} reads it. */
enum LineType { BLANK, JUNK, CODE, BULLET, NUMBERED, ROW, PROSE }
