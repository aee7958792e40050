package dev.recall.notes;

/** Lines of the note that carry no facts (page footers, counters, share widgets, reference lists, copyright). */
public record Boilerplate(int startLine, int endLine, String reason) {
}
