package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic shuffles seeded by an item id. */
public final class Shuffle {

    private Shuffle() {
    }

    /** {@code count} values picked from {@code pool} without repetition, in the order picked. */
    public static <T> List<T> pick(List<T> pool, int count, SplittableRandom random) {
        List<T> copy = new ArrayList<>(pool);
        List<T> picked = new ArrayList<>();
        while (picked.size() < count && !copy.isEmpty()) {
            picked.add(copy.remove(random.nextInt(copy.size())));
        }
        return picked;
    }

    /** A shuffle that never returns the original order (for 2+ distinct values). */
    public static List<String> never(List<String> values, String id) {
        List<String> copy = new ArrayList<>(values);
        SplittableRandom random = new SplittableRandom(Text.seed(id));
        for (int attempt = 0; attempt < 5; attempt++) {
            for (int i = copy.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String t = copy.get(i);
                copy.set(i, copy.get(j));
                copy.set(j, t);
            }
            if (!copy.equals(values) || new LinkedHashSet<>(values).size() < 2) {
                break;
            }
        }
        if (copy.equals(values) && copy.size() >= 2) {
            copy.add(copy.remove(0));
        }
        return copy;
    }
}
