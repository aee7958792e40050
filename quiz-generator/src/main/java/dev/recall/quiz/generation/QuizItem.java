package dev.recall.quiz.generation;

import java.util.List;

/**
 * One generated quiz item. {@code answers} holds the accepted answer(s): for ORDERING the items in order,
 * for MATCHING "left → right" pairs, for TRUE_FALSE "true" or "false". {@code options} are the choices
 * shown (MULTIPLE_CHOICE, ORDERING, MATCHING, TRUE_FALSE), null otherwise. Lines are 1-based, inclusive.
 */
public record QuizItem(String id, ItemType type, String prompt, List<String> answers, List<String> options,
                       String explanation, List<String> headingPath, int startLine, int endLine, List<String> tags,
                       Difficulty difficulty, String generator) {

    public QuizItem {
        answers = List.copyOf(answers);
        options = options == null ? null : List.copyOf(options);
        headingPath = List.copyOf(headingPath);
        tags = List.copyOf(tags);
    }

    QuizItem withId(String newId) {
        return new QuizItem(newId, type, prompt, answers, options, explanation, headingPath, startLine, endLine, tags, difficulty, generator);
    }
}
