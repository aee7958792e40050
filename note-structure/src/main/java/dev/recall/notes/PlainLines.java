package dev.recall.notes;

/**
 * The lines of a plain-text note and what each one is (null until a pass has decided), shared by the passes of
 * {@link PlainTextReader}: boilerplate first ({@link BoilerplateMarker}), code regions ({@link CodeRegions}), then
 * every other line by its own shape ({@link LineClassifier}).
 */
final class PlainLines {

    final String[] lines;
    final int count;
    final LineType[] types;
    /** Why a JUNK line is boilerplate. */
    final String[] reasons;

    PlainLines(String text) {
        String[] split = text.split("\n", -1);
        this.count = SectionsBuilder.lineCount(text);
        this.lines = new String[count];
        for (int i = 0; i < count; i++) {
            String line = i < split.length ? split[i] : "";
            lines[i] = line.length() > MarkdownReader.MAX_LINE ? line.substring(0, MarkdownReader.MAX_LINE) : line;
        }
        this.types = new LineType[count];
        this.reasons = new String[count];
    }

    /** The last line at or before {@code from} that carries content (not blank, not boilerplate), or -1. */
    int previousContent(int from) {
        int i = from;
        while (i >= 0 && (types[i] == LineType.BLANK || types[i] == LineType.JUNK || types[i] == null && lines[i].isBlank())) {
            i--;
        }
        return i;
    }

    /** The first line at or after {@code from} that carries content, or {@link #count}. */
    int nextContent(int from) {
        int i = from;
        while (i < count && (types[i] == LineType.BLANK || types[i] == LineType.JUNK || types[i] == null && lines[i].isBlank())) {
            i++;
        }
        return i;
    }

    /** The type of line {@code i}, null past the end. */
    LineType type(int i) {
        return i < count ? types[i] : null;
    }

    static boolean indented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }
}
