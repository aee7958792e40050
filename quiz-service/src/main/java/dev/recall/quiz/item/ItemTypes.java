package dev.recall.quiz.item;

import dev.recall.platform.problem.Text;

import dev.recall.platform.problem.ProblemException;
import dev.recall.quiz.generation.ItemType;

import java.util.Arrays;

/** The one check of an item type a client names (a list filter, a quiz's types). */
public final class ItemTypes {

    private ItemTypes() {
    }

    /** A 400 naming {@code field} unless {@code type} is one of {@link ItemType}'s names. */
    public static void requireKnown(String field, String type) {
        if (Arrays.stream(ItemType.values()).noneMatch(t -> t.name().equals(type))) {
            throw ProblemException.invalid(field, Text.of("quiz.item.type", type, Arrays.toString(ItemType.values())));
        }
    }
}
