package dev.recall.quiz.session;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** What quiz clients send and get back. Answers are never in a quiz; only a graded answer reveals one. */
public final class QuizViews {

    /** {@code lefts} are the left-hand sides of a MATCHING item; {@code options} its right-hand sides, shuffled. */
    public record QuizItemView(int position, String itemId, String type, String prompt, List<String> options, List<String> lefts,
                               List<String> headingPath) {
    }

    public record QuizView(String quizId, long seed, List<QuizItemView> items) {
    }

    /** {@code answer}: a string, or an array (ORDERING sequence, MATCHING "left → right" pairs, CLOZE blanks). */
    public record AnswerRequest(@NotBlank String itemId, @NotNull JsonNode answer, @NotNull @Min(0) @Max(86_400_000) Long latencyMs) {
    }

    public record AnswerResult(String itemId, boolean correct, List<String> expected, String explanation, long latencyMs) {
    }

    private QuizViews() {
    }
}
