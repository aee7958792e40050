package dev.recall.platform.paging;

import dev.recall.platform.problem.Text;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.recall.platform.problem.ProblemException;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, @Schema(nullable = true, description = "null on the last page") String nextCursor) {

    /** The default page size and the largest a client may ask for, unless a list says otherwise. */
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only says that there is more,
     * and the cursor is the sort key of the last row returned.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, Function<R, Cursor> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    /** The page size asked for, defaulting to 20; outside 1..100 is a 400. */
    public static int limit(Integer requested) {
        return limit(requested, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** The page size asked for, or {@code fallback}; outside 1..{@code max} is a 400 naming the {@code limit} parameter. */
    public static int limit(Integer requested, int fallback, int max) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > max) {
            throw ProblemException.invalid("limit", Text.of("input.between", 1, max));
        }
        return requested;
    }
}
