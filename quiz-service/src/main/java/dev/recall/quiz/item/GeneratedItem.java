package dev.recall.quiz.item;

import java.util.List;

/** What the generator produced for one item, before it is stored. */
public record GeneratedItem(String id, String type, String prompt, List<String> answers, List<String> options,
                            List<String> headingPath, String explanation) {
}
