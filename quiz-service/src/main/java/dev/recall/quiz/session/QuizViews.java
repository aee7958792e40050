package dev.recall.quiz.session;

import dev.recall.quiz.generation.ItemType;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What quiz clients send and get back. Answers are never in a quiz; only a graded answer reveals one. */
public final class QuizViews {

    /** {@code lefts} are the left-hand sides of a MATCHING item; {@code options} its right-hand sides, shuffled. */
    public record QuizItemView(int position, String itemId, @Schema(implementation = ItemType.class) String type, String prompt,
                               @Schema(nullable = true, description = "null for items without choices") List<String> options,
                               @Schema(nullable = true, description = "null unless MATCHING") List<String> lefts,
                               List<String> headingPath) {
    }

    /** {@code seed} is a 64-bit number, sent as a decimal string: JavaScript numbers would round it. */
    public record QuizView(String quizId,
                           @JsonFormat(shape = JsonFormat.Shape.STRING)
                           @Schema(type = SchemaType.STRING, pattern = "^-?[0-9]{1,19}$", examples = "-4962768465676381896",
                                   description = "the seed that drew and shuffled this quiz; send it back to draw the same quiz") long seed,
                           List<QuizItemView> items) {
    }

    /** {@code answer}: a string, or an array (ORDERING sequence, MATCHING "left → right" pairs, CLOZE blanks). */
    public record AnswerRequest(@NotBlank String itemId,
                                @NotNull @Schema(implementation = Answer.class) JsonNode answer, @NotNull @Min(0) @Max(86_400_000) Long latencyMs) {
    }

    /** How the contract describes {@link AnswerRequest#answer()}: read as a tree, since it is one of two shapes. */
    @Schema(name = "Answer", oneOf = {String.class, String[].class},
            description = "a string, or an array of strings (ORDERING sequence, MATCHING \"left → right\" pairs, CLOZE blanks)")
    interface Answer {
    }

    public record AnswerResult(String itemId, boolean correct, List<String> expected, String explanation, long latencyMs) {
    }

    private QuizViews() {
    }
}
