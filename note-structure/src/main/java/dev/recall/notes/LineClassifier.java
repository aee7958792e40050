package dev.recall.notes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text line by its own shape, once boilerplate and code are marked: blank, a tab-separated table row, a
 * numbered line ({@link Numbering}), a bullet (•·●▪◦■ and the like, "-", "*", "+" followed by a space), or prose.
 */
final class LineClassifier {

    static final Pattern BULLET = Pattern.compile("^(\\s*)(?:[•·●▪◦■□○◆◇►▶➤✓✔√※★☆→\\-*+]|\\d{1,2}°)\\s*(\\S.*)$");
    /** "-x", "*x", "+x": an ASCII mark glued to a word is not a bullet ("-v", "*args", "+1"). */
    private static final Pattern ASCII_BULLET = Pattern.compile("^\\s*[-*+]\\S");

    private LineClassifier() {
    }

    static LineType classify(String line) {
        if (line.isBlank()) {
            return LineType.BLANK;
        }
        if (line.indexOf('\t') > 0 && cells(line).length >= 2) {
            return LineType.ROW;
        }
        if (Numbering.style(line) != null) {
            return LineType.NUMBERED;
        }
        if (BULLET.matcher(line).matches() && !ASCII_BULLET.matcher(line).find()) {
            return LineType.BULLET;
        }
        return LineType.PROSE;
    }

    /** A bullet line without its bullet. */
    static String bulletText(String line) {
        Matcher m = BULLET.matcher(line);
        return m.matches() ? m.group(2).strip() : line.strip();
    }

    /** The cells of a tab-separated row (runs of tabs separate). */
    static String[] cells(String line) {
        return line.strip().split("\t+");
    }
}
