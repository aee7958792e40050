package dev.recall.quiz.item;

import dev.recall.quiz.generation.ItemType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** An item in a list: what it asks and answers. The API's own record, so the event contract can change apart from it. */
public record ItemSummary(String itemId, @Schema(implementation = ItemType.class) String type, String prompt, List<String> answers,
                          @Schema(nullable = true) List<String> options, List<String> headingPath,
                          @Schema(nullable = true) String explanation, List<String> tags) {

    static ItemSummary of(Item item) {
        return new ItemSummary(item.id, item.type, item.prompt, List.of(item.answers),
                item.options == null ? null : List.of(item.options), List.of(item.headingPath), item.explanation, List.of(item.tags));
    }
}
