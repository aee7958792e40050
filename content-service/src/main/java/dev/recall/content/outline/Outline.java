package dev.recall.content.outline;

import dev.recall.events.NoteEvents.Section;

import java.util.List;

/**
 * A note's structure: the flat sections carried in events, the same sections as a tree with word counts,
 * and the note's total word count.
 */
public record Outline(List<Section> sections, List<OutlineSection> tree, int wordCount) {
}
