package dev.recall.quiz.generation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps item ids stable across edits. A regenerated item whose id is new takes the id of a previous item
 * that vanished, when both have the same type and heading path and their content is at least 80% similar:
 * a reworded fact keeps its id (and the learner's progress); a deleted fact leaves its id unmatched.
 */
public final class ItemMatcher {

    static final double THRESHOLD = 0.8;

    private ItemMatcher() {
    }

    public static List<QuizItem> rematch(List<QuizItem> previous, List<QuizItem> generated) {
        Set<String> generatedIds = new HashSet<>();
        generated.forEach(item -> generatedIds.add(item.id()));
        List<QuizItem> orphans = new ArrayList<>();
        for (QuizItem old : previous) {
            if (!generatedIds.contains(old.id())) {
                orphans.add(old);
            }
        }
        Set<String> previousIds = new HashSet<>();
        previous.forEach(item -> previousIds.add(item.id()));
        List<QuizItem> result = new ArrayList<>(generated.size());
        for (QuizItem item : generated) {
            if (previousIds.contains(item.id()) || orphans.isEmpty()) {
                result.add(item);
                continue;
            }
            QuizItem best = null;
            double bestScore = THRESHOLD;
            for (QuizItem old : orphans) {
                if (old.type() != item.type() || !old.headingPath().equals(item.headingPath())) {
                    continue;
                }
                double score = similarity(old, item);
                if (score >= bestScore) {
                    best = old;
                    bestScore = score;
                }
            }
            if (best == null) {
                result.add(item);
            } else {
                orphans.remove(best);
                result.add(item.withId(best.id()));
            }
        }
        return result;
    }

    static double similarity(QuizItem a, QuizItem b) {
        return Text.similarity(content(a), content(b));
    }

    /**
     * What an item asks about. A true/false item is compared by the fact it tests (its explanation): a reworded
     * entry may flip which side the statement claims, and it is still the same fact.
     */
    private static String content(QuizItem item) {
        if (item.type() == ItemType.TRUE_FALSE && item.explanation() != null) {
            return item.explanation();
        }
        return item.prompt() + "\n" + String.join("\n", item.answers());
    }
}
