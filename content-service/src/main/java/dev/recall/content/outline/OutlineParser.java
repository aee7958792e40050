package dev.recall.content.outline;

import dev.recall.events.NoteEvents.Section;
import dev.recall.notes.Block;
import dev.recall.notes.NoteStructure;

import java.util.ArrayList;
import java.util.List;

/**
 * The heading tree of a note, from the note structure that quiz generation reads too ({@link NoteStructure}):
 * Markdown headings, or the headings recovered from pasted plain text ("一、", "1)", short standalone lines).
 * Section ids come from there, so every generated item's section id is one of this outline's. Boilerplate (page
 * footers, reference lists) is no section and counts no words.
 */
public final class OutlineParser {

    private OutlineParser() {
    }

    /** The flat sections, as carried by the events. */
    public static List<Section> outline(String markdown) {
        return parse(markdown).sections();
    }

    public static Outline parse(String markdown) {
        NoteStructure structure = NoteStructure.parse(markdown);
        List<dev.recall.notes.Section> headings = structure.outline();
        int total = 0;
        int[] own = new int[headings.size()];
        for (dev.recall.notes.Section section : structure.sections()) {
            int words = words(section.blocks());
            total += words + WordCounter.count(section.title());
        }
        for (int i = 0; i < headings.size(); i++) {
            own[i] = words(headings.get(i).blocks());
        }
        List<Section> sections = new ArrayList<>();
        List<Integer> sectionWords = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            dev.recall.notes.Section heading = headings.get(i);
            int words = own[i];
            for (int j = i + 1; j < headings.size() && headings.get(j).level() > heading.level(); j++) {
                words += own[j] + WordCounter.count(headings.get(j).title());
            }
            sections.add(new Section(heading.id(), heading.level(), heading.title().replace("`", ""), heading.path().stream()
                    .map(t -> t.replace("`", "")).toList(), heading.startLine(), heading.endLine()));
            sectionWords.add(words);
        }
        return new Outline(List.copyOf(sections), tree(sections, sectionWords), total);
    }

    private static int words(List<Block> blocks) {
        int words = 0;
        for (Block block : blocks) {
            words += WordCounter.count(block.readableText());
        }
        return words;
    }

    private static List<OutlineSection> tree(List<Section> sections, List<Integer> words) {
        record Builder(Section section, int words, List<Builder> children) {
            OutlineSection build() {
                return new OutlineSection(section.sectionId(), section.level(), section.title(), section.path(),
                        section.startLine(), section.endLine(), words, children.stream().map(Builder::build).toList());
            }
        }
        List<Builder> roots = new ArrayList<>();
        List<Builder> stack = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Builder node = new Builder(sections.get(i), words.get(i), new ArrayList<>());
            while (!stack.isEmpty() && stack.get(stack.size() - 1).section().level() >= node.section().level()) {
                stack.remove(stack.size() - 1);
            }
            (stack.isEmpty() ? roots : stack.get(stack.size() - 1).children()).add(node);
            stack.add(node);
        }
        return roots.stream().map(Builder::build).toList();
    }
}
