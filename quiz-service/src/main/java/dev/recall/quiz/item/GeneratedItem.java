package dev.recall.quiz.item;

import dev.recall.quiz.generation.QuizItem;

import java.util.List;

/** What the generator produced for one item, before it is stored. */
public record GeneratedItem(String id, String type, String prompt, List<String> answers, List<String> options,
                            List<String> headingPath, String sectionId, String explanation, int startLine, int endLine, String difficulty,
                            String generator) {

    static GeneratedItem of(QuizItem item) {
        return new GeneratedItem(item.id(), item.type().name(), item.prompt(), item.answers(), item.options(), item.headingPath(), item.sectionId(),
                item.explanation(), item.startLine(), item.endLine(), item.difficulty().name(), item.generator());
    }
}
