package dev.recall.content.outline;

import java.util.List;

/**
 * One heading of the outline tree as the API returns it. {@code wordCount} counts the words of the
 * section's body including its sub-sections (not the heading itself).
 */
public record OutlineSection(String sectionId, int level, String title, List<String> path, int startLine, int endLine,
                             int wordCount, List<OutlineSection> children) {
}
