package dev.recall.quiz.generation;

import dev.recall.quiz.generation.rules.SectionContext;

import java.util.List;

/** A note read as the generator reads it, for calling one rule on one section or block. */
final class RuleFixture {

    final NoteDocument doc;
    final ItemFactory factory = new ItemFactory("note-1", List.of());

    RuleFixture(String note) {
        doc = new NoteDocument(note);
    }

    NoteDocument.Section section(String heading) {
        return doc.sections.stream().filter(s -> s.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + heading + " in " + doc.sections.stream().map(NoteDocument.Section::heading).toList()));
    }

    SectionContext ctx(String heading) {
        NoteDocument.Section section = section(heading);
        return SectionContext.of(doc, section, section.blocks(), factory);
    }

    NoteDocument.Block block(String heading, int index) {
        return section(heading).blocks().get(index);
    }

    static List<String> prompts(List<QuizItem> items) {
        return items.stream().map(QuizItem::prompt).toList();
    }
}
