package dev.recall.quiz.item;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** One item with where it comes from in its note. */
public record ItemView(String itemId, String noteId, @Schema(nullable = true) String deckId, @Schema(implementation = ItemType.class) String type,
                       String prompt, List<String> answers, @Schema(nullable = true) List<String> options, List<String> headingPath,
                       String sectionId, @Schema(nullable = true) String explanation, List<String> tags, int startLine, int endLine,
                       @Schema(implementation = Difficulty.class) String difficulty, String generator, long noteVersion) {

    static ItemView of(Item i) {
        return new ItemView(i.id, i.noteId, i.deckId, i.type, i.prompt, List.of(i.answers),
                i.options == null ? null : List.of(i.options), List.of(i.headingPath), i.sectionId, i.explanation, List.of(i.tags),
                i.startLine, i.endLine, i.difficulty, i.generator, i.noteVersion);
    }
}
