package dev.recall.quiz.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Which items to draw from (any of notes, deck, tags; none = everything visible) and how many. */
public record QuizRequest(@Size(max = 100) List<String> noteIds, String deckId, @Size(max = 20) List<String> tags,
                          @Size(max = 7) List<String> types, @Min(1) @Max(50) Integer count, Long seed) {
}
