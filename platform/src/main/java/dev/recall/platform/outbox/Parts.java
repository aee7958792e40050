package dev.recall.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Splits a list into consecutive parts whose summed sizes stay within a budget, keeping the order, so
 * a large set of items travels as several events that each fit the broker's limit. Pure.
 */
public final class Parts {

    private Parts() {
    }

    /**
     * Each part holds at least one element; an element larger than {@code budget} gets a part of its own
     * (the outbox then refuses it as too large rather than this method hiding it).
     */
    public static <T> List<List<T>> split(List<T> elements, ToLongFunction<T> size, long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
        List<List<T>> parts = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long used = 0;
        for (T element : elements) {
            long bytes = size.applyAsLong(element);
            if (!current.isEmpty() && used + bytes > budget) {
                parts.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.add(element);
            used += bytes;
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }
}
