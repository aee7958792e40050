package dev.recall.quiz.generation;

import java.util.List;

/**
 * One generated quiz item. {@code answers} holds the accepted answer(s): for ORDERING the items in order,
 * for MATCHING "left → right" pairs, for TRUE_FALSE "true" or "false". {@code options} are the choices
 * shown (MULTIPLE_CHOICE, ORDERING, MATCHING, TRUE_FALSE), null otherwise. Lines are 1-based, inclusive.
 * {@code sectionId} is the id of the note section the item comes from, as the note's outline lists it (null for
 * text before the first heading of a Markdown note).
 */
public record QuizItem(String id, ItemType type, String prompt, List<String> answers, List<String> options,
                       String explanation, List<String> headingPath, String sectionId, int startLine, int endLine, List<String> tags,
                       Difficulty difficulty, String generator) {

    public QuizItem {
        answers = List.copyOf(answers);
        options = options == null ? null : List.copyOf(options);
        headingPath = List.copyOf(headingPath);
        tags = List.copyOf(tags);
    }

    QuizItem withId(String newId) {
        return new QuizItem(newId, type, prompt, answers, options, explanation, headingPath, sectionId, startLine, endLine, tags, difficulty, generator);
    }
}
