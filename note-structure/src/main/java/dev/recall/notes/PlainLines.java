package dev.recall.notes;

import java.util.stream.IntStream;

/**
 * The lines of a plain-text note and what each one is (null until a pass has decided), shared by the passes of
 * {@link PlainTextReader}: boilerplate first ({@link BoilerplateMarker}), code regions ({@link CodeRegions}), then
 * every other line by its own shape ({@link LineClassifier}). The line tests the passes ask are kept per line
 * ({@link #junkLine}, {@link #reference}, {@link #strong}): each depends on the line alone, so a long note has them
 * asked ahead for all its lines in parallel ({@link #askJunkAhead}, {@link #askCodeAhead}), and the passes, which
 * go through the note in order, only read them.
 */
final class PlainLines {

    /** Notes of at least this many lines have their line tests asked ahead on the common pool; the answers are the same. */
    static final int PARALLEL_FROM_LINES = 2_000;

    final String[] lines;
    final int count;
    final LineType[] types;
    /** Why a JUNK line is boilerplate. */
    final String[] reasons;
    /** A line of what code prints, right below a line that is only an output label ("Output:", "输出："). */
    final boolean[] output;
    /** Memos of the line tests: 0 not yet asked, 1 no, 2 yes; null for a strong-code test not yet asked. */
    private final byte[] junkLines;
    private final byte[] references;
    private final CodeDetector.Language[] strong;
    /** {@link Junk#reason} of a chrome line, once asked. */
    private final String[] chromeReasons;

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
        this.output = new boolean[count];
        this.junkLines = new byte[count];
        this.references = new byte[count];
        this.strong = new CodeDetector.Language[count];
        this.chromeReasons = new String[count];
    }

    /** {@link Junk#reason} of line i (a chrome line), asked once. */
    String chromeReason(int i) {
        if (chromeReasons[i] == null) {
            chromeReasons[i] = Junk.reason(lines[i]);
        }
        return chromeReasons[i];
    }

    /** {@link Junk#isLine} of line i, asked once. */
    boolean junkLine(int i) {
        if (junkLines[i] == 0) {
            junkLines[i] = (byte) (Junk.isLine(lines[i]) ? 2 : 1);
        }
        return junkLines[i] == 2;
    }

    /** {@link Junk#isReference} of line i, asked once. */
    boolean reference(int i) {
        if (references[i] == 0) {
            references[i] = (byte) (Junk.isReference(lines[i]) ? 2 : 1);
        }
        return references[i] == 2;
    }

    /** {@link CodeDetector#strong} of line i, asked once. */
    CodeDetector.Language strong(int i) {
        if (strong[i] == null) {
            strong[i] = CodeDetector.strong(lines[i]);
        }
        return strong[i];
    }

    /**
     * Before {@link BoilerplateMarker}, for a long note: the chrome test of every line that is not blank and the
     * reference test of the long ones that are not chrome, the reason of the chrome ones (what the marker asks of
     * nearly every such line).
     */
    void askJunkAhead() {
        ahead(i -> {
            if (lines[i].isBlank()) {
                return;
            }
            if (junkLine(i)) {
                chromeReason(i);
            } else if (lines[i].strip().length() > 60) {
                reference(i);
            }
        });
    }

    /** Before {@link CodeRegions}, for a long note: the strong-code test of every line not yet marked and not blank. */
    void askCodeAhead() {
        ahead(i -> {
            if (types[i] == null && !lines[i].isBlank()) {
                strong(i);
            }
        });
    }

    /** Each line's own memo cells are written by one task; the passes read them after the join. */
    private void ahead(java.util.function.IntConsumer ask) {
        if (count >= PARALLEL_FROM_LINES) {
            IntStream.range(0, count).parallel().forEach(ask);
        }
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
