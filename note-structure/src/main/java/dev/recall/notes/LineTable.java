package dev.recall.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ordered table of whole-line patterns, each behind a cheap guard ({@link Keywords} the line must contain for the
 * pattern to have a chance). Page chrome ({@link Junk}) and unfenced code ({@link CodeDetector}) are recognised
 * this way: most lines of a note fail every guard, so the expressions (some backtrack over the whole line) run
 * only where they can match. A row's pattern is one alternative of what used to be one big alternation, so the
 * table matches a line exactly when the alternation did.
 */
final class LineTable<T> {

    private record Row<T>(T label, Keywords guard, Pattern pattern) {
    }

    private final List<Row<T>> rows = new ArrayList<>();
    /** A line that has none of the words of all rows matches no row (null while a row has no guard). */
    private Keywords any;
    private boolean unguarded;

    /** Adds a row: {@code regex} must match the whole line; {@code guard} null means the row is always tried. */
    LineTable<T> row(T label, Keywords guard, String regex) {
        rows.add(new Row<>(label, guard, Pattern.compile(regex)));
        unguarded |= guard == null;
        any = unguarded ? null : any == null ? guard : any.or(guard);
        return this;
    }

    /** The label of the first row that matches the whole line, or null. */
    T first(String line) {
        if (any != null && !any.in(line)) {
            return null;
        }
        for (Row<T> row : rows) {
            if ((row.guard() == null || row.guard().in(line)) && row.pattern().matcher(line).matches()) {
                return row.label();
            }
        }
        return null;
    }

    boolean matches(String line) {
        return first(line) != null;
    }
}
