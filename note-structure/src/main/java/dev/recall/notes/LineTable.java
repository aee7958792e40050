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

    /**
     * {@code starts}: the characters a match can start with after leading white space, or null for any;
     * {@code may}: a test every line the pattern matches passes, or null.
     */
    private record Row<T>(T label, Keywords guard, String starts, java.util.function.Predicate<String> may, Pattern pattern) {
    }

    private final List<Row<T>> rows = new ArrayList<>();
    /** Which rows' guards a line has, in one pass; a line with none matches no row unless a row has no guard. */
    private Keywords.Mask mask;
    private boolean unguarded;

    /** Adds a row: {@code regex} must match the whole line; {@code guard} null means the row is always tried. */
    LineTable<T> row(T label, Keywords guard, String regex) {
        return row(label, guard, null, regex);
    }

    /**
     * A row whose expression ({@code ^\\s*(?:...)}) can only match a line whose first character after white space
     * ({@code \\s}: space, tab, line breaks, form feed) is one of {@code starts}: other lines skip it.
     */
    LineTable<T> rowStartingWith(T label, String starts, String regex) {
        return row(label, null, starts, null, regex);
    }

    /** A row tried only on lines that pass {@code may}, a cheap test every line the expression matches passes. */
    LineTable<T> rowIf(T label, java.util.function.Predicate<String> may, String regex) {
        return row(label, null, null, may, regex);
    }

    private LineTable<T> row(T label, Keywords guard, String starts, String regex) {
        return row(label, guard, starts, null, regex);
    }

    private LineTable<T> row(T label, Keywords guard, String starts, java.util.function.Predicate<String> may, String regex) {
        rows.add(new Row<>(label, guard, starts, may, Pattern.compile(regex)));
        unguarded |= guard == null;
        mask = new Keywords.Mask(rows.stream().map(Row::guard).toList());
        return this;
    }

    /** The label of the first row that matches the whole line, or null. */
    T first(String line) {
        long guards = mask.of(line); // one pass for the guards of all rows
        if (!unguarded && guards == 0) {
            return null;
        }
        int at = 0;
        while (at < line.length() && " \t\n\u000B\f\r".indexOf(line.charAt(at)) >= 0) {
            at++;
        }
        char start = at < line.length() ? line.charAt(at) : '\0';
        for (int k = 0; k < rows.size(); k++) {
            Row<T> row = rows.get(k);
            if ((row.guard() == null || (guards >>> k & 1) == 1) && (row.starts() == null || row.starts().indexOf(start) >= 0)
                    && (row.may() == null || row.may().test(line)) && row.pattern().matcher(line).matches()) {
                return row.label();
            }
        }
        return null;
    }

    boolean matches(String line) {
        return first(line) != null;
    }
}
