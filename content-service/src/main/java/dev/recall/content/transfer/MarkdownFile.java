package dev.recall.content.transfer;

import java.util.List;

/**
 * One Markdown file of an import: its folder path (each folder becomes a deck), the title and tags from
 * its front matter (title falls back to the first heading, then the file name), and its body.
 */
public record MarkdownFile(List<String> folders, String fileName, String title, List<String> tags, String language,
                           String visibility, String markdown) {
}
