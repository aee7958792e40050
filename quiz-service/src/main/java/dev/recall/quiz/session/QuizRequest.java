package dev.recall.quiz.session;

import dev.recall.quiz.generation.ItemType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Which items to draw from (any of notes, deck, tags; none = everything visible) and how many. */
public record QuizRequest(@Size(max = 100) List<String> noteIds, String deckId, @Size(max = 20) List<String> tags,
                          @Size(max = 7) @Schema(type = SchemaType.ARRAY, implementation = ItemType.class) List<String> types, @Min(1) @Max(50) Integer count,
                          @Schema(type = SchemaType.STRING, pattern = "^-?[0-9]{1,19}$", description = "a 64-bit seed as a decimal string (a JSON number is accepted too); random when absent")
                          Long seed) {
}
