package dev.recall.notes;

import java.util.ArrayList;
import java.util.List;

/**
 * The first pass over a plain-text note: marks boilerplate lines JUNK with their reason. Page chrome lines
 * ({@link Junk}); a reference or related-articles header with the list under it (links, site titles, and below the
 * note's last long line of prose any short line); and the short lines between chrome lines at most three lines
 * apart (an author name, tag words: a footer). The note's text is not changed: the lines are only left out.
 */
final class BoilerplateMarker {

    private final PlainLines note;

    private BoilerplateMarker(PlainLines note) {
        this.note = note;
    }

    static void mark(PlainLines note) {
        new BoilerplateMarker(note).mark();
    }

    private void mark() {
        String[] lines = note.lines;
        int count = note.count;
        // Below the last long line of prose, short lines under a list header are article titles, not content.
        int lastLongProse = -1;
        for (int i = 0; i < count; i++) {
            String s = lines[i].strip();
            if (s.length() > 60 && !junkLine(i) && !reference(i)) {
                lastLongProse = i;
            }
        }
        for (int i = 0; i < count; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (Junk.isContentsHeader(lines[i].strip())) {
                // A table of contents: its short lines up to the first blank line name the note's own sections.
                junk(i, "table of contents");
                int j = i + 1;
                while (j < count && !lines[j].isBlank() && lines[j].strip().length() <= 60
                        && !LineEnds.endsWithOneOf(lines[j].strip(), HeadingRecognizer.SENTENCE_END)) {
                    junk(j, "table of contents");
                    j++;
                }
                i = j - 1;
            } else if (Junk.isListHeader(lines[i].strip())) {
                junk(i, "reference or related list");
                int j = i + 1;
                // Right under the header, and right under a line of the list, any title goes on the list; after a
                // blank line only a line that looks like a reference does.
                boolean run = true;
                while (j < count) {
                    String line = lines[j];
                    if (line.isBlank()) {
                        run = false;
                        j++;
                        continue;
                    }
                    if (!referenceLike(j) && !(run && title(line.strip())) && !(j > lastLongProse && line.strip().length() <= 60
                            && !LineEnds.endsWithOneOf(line.strip(), HeadingRecognizer.SENTENCE_END))) {
                        break;
                    }
                    junk(j, "reference or related list");
                    run = true;
                    j++;
                }
                i = j - 1;
            } else if (junkLine(i)) {
                junk(i, note.chromeReason(i));
            }
        }
        // A footer: short lines (an author name, tag words) between chrome lines at most three lines apart.
        int last = -1;
        for (int i = 0; i < count; i++) {
            if (note.types[i] != LineType.JUNK) {
                continue;
            }
            if (last >= 0 && i - last <= 3) {
                boolean allShort = true;
                for (int j = last + 1; j < i; j++) {
                    allShort &= lines[j].strip().length() <= 40 && Numbering.style(lines[j]) == null;
                }
                // One line alone between two chrome lines, with no long prose below it: the author's bio in a footer.
                allShort |= i - last == 2 && last + 1 >= lastLongProse && lines[last + 1].strip().length() <= 120
                        && Numbering.style(lines[last + 1]) == null;
                if (allShort) {
                    for (int j = last + 1; j < i; j++) {
                        if (!lines[j].isBlank()) {
                            junk(j, "page footer");
                        }
                    }
                }
            }
            last = i;
        }
    }

    private static final java.util.regex.Pattern ASKS_OR_ANSWERS = java.util.regex.Pattern.compile("^(?:问|答|Q|A)\\s*[:：]");

    /**
     * A title in a reference list: not a sentence (no closing punctuation but "?" and ")"), not a heading of the note
     * (a Chinese-numbered line, a closing heading such as "总结"), not a question or answer line.
     */
    private static boolean title(String s) {
        if (s.length() > 160 || LineEnds.endsWithOneOf(s, "。；;，,、！!…:：.") || ASKS_OR_ANSWERS.matcher(s).find()
                || PlainTextReader.CLOSING.matcher(s).matches()) {
            return false;
        }
        String style = Numbering.style(s);
        return style == null || !Numbering.strong(style);
    }

    /** A line of a reference list: a link, a site title, chrome, a book title, or a short bullet or numbered point. */
    private boolean referenceLike(int i) {
        String line = note.lines[i];
        String s = line.strip();
        if (Numbering.style(line) != null && !Numbering.NUM_DOT.matcher(s).matches() && !Numbering.NUM_BRACKET.matcher(s).matches()) {
            return false;
        }
        return reference(i) || Junk.isListedReference(s) || junkLine(i) || s.contains("http") || s.contains("《") || s.startsWith("[")
                || (s.length() <= 160 && (LineClassifier.BULLET.matcher(s).matches() || Numbering.NUM_DOT.matcher(s).matches()
                || Numbering.NUM_BOTH.matcher(s).matches()));
    }

    private boolean junkLine(int i) {
        return note.junkLine(i);
    }

    private boolean reference(int i) {
        return note.reference(i);
    }

    private void junk(int i, String reason) {
        note.types[i] = LineType.JUNK;
        note.reasons[i] = reason;
    }

    /** The boilerplate as ranges of lines with one reason each (blank lines inside a range belong to it). */
    static List<Boilerplate> ranges(PlainLines note) {
        List<Boilerplate> ranges = new ArrayList<>();
        int i = 0;
        while (i < note.count) {
            if (note.types[i] != LineType.JUNK) {
                i++;
                continue;
            }
            int end = i;
            for (int j = i + 1; j < note.count && (note.types[j] == LineType.JUNK && note.reasons[j].equals(note.reasons[i])
                    || note.lines[j].isBlank()); j++) {
                if (note.types[j] == LineType.JUNK) {
                    end = j;
                }
            }
            ranges.add(new Boilerplate(i + 1, end + 1, note.reasons[i]));
            i = end + 1;
        }
        return ranges;
    }
}
