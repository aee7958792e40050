package dev.recall.quiz.generation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops items a learner would not want: empty or overlong prompts and answers, answers that the prompt
 * gives away, choices that are not a proper set of options, and near-duplicates (same type and prompt).
 */
final class QualityGate {

    static final int MAX_PROMPT = 500;
    static final int MAX_CODE_PROMPT = 1600;
    static final int MAX_ANSWER = 1000;

    private QualityGate() {
    }

    static List<QuizItem> filter(List<QuizItem> items) {
        List<QuizItem> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (QuizItem item : items) {
            if (acceptable(item) && seen.add(item.type() + "|" + Text.normalise(item.prompt()))) {
                kept.add(item);
            }
        }
        return kept;
    }

    static boolean acceptable(QuizItem item) {
        String prompt = item.prompt() == null ? "" : item.prompt().strip();
        if (Text.normalise(prompt).isEmpty() || item.answers().isEmpty()) {
            return false;
        }
        int maxPrompt = prompt.contains("```") ? MAX_CODE_PROMPT : MAX_PROMPT;
        if (prompt.length() > maxPrompt) {
            return false;
        }
        for (String answer : item.answers()) {
            if (answer == null || Text.normalise(answer).isEmpty() || answer.length() > MAX_ANSWER) {
                return false;
            }
        }
        return switch (item.type()) {
            case BASIC, REVERSED, CLOZE -> !leaks(prompt, item.answers());
            case MULTIPLE_CHOICE -> properChoice(item);
            case ORDERING, MATCHING -> item.options() != null && item.options().size() >= 3
                    && new LinkedHashSet<>(item.options()).size() == item.options().size();
            case TRUE_FALSE -> item.answers().size() == 1 && List.of("true", "false").contains(item.answers().get(0));
        };
    }

    /** The answer, or a long part of it, stands in the prompt. */
    private static boolean leaks(String prompt, List<String> answers) {
        String shown = Text.normalise(prompt);
        for (String answer : answers) {
            String expected = Text.normalise(answer);
            if (expected.length() >= 2 && shown.contains(expected)) {
                return true;
            }
            if (expected.length() == 1 && shown.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static boolean properChoice(QuizItem item) {
        List<String> options = item.options();
        if (options == null || options.size() < 3 || item.answers().size() != 1) {
            return false;
        }
        Set<String> distinct = new HashSet<>();
        for (String option : options) {
            if (!distinct.add(Text.normalise(option))) {
                return false;
            }
        }
        String answer = Text.normalise(item.answers().get(0));
        return options.stream().filter(o -> Text.normalise(o).equals(answer)).count() == 1;
    }
}
