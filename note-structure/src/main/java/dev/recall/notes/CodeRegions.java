package dev.recall.notes;

import java.util.Map;

/**
 * The second pass over a plain-text note: unfenced code, kept whole. A region starts at a line whose syntax alone
 * says code ({@link CodeDetector#strong}) and goes on over lines that continue code (indented, brackets, comments)
 * and over blank lines when code follows them; a comment line right above belongs to it. YAML is recognised by its
 * nesting (a "key:" line at the margin with indented keys or items under it; indented keys of any case inside it).
 * The region's language is the one most of its strong lines say, the shapes several languages share counting only
 * when no line says more. Lines already marked (boilerplate) are never code.
 */
final class CodeRegions {

    private final PlainLines note;
    /** For the first line of each region: its last line and its language id. */
    private final int[] ends;
    private final String[] languages;

    private CodeRegions(PlainLines note) {
        this.note = note;
        this.ends = new int[note.count];
        this.languages = new String[note.count];
    }

    /** Marks the code lines of {@code note} CODE; the regions found, by first line. */
    static CodeRegions mark(PlainLines note) {
        CodeRegions regions = new CodeRegions(note);
        regions.mark();
        return regions;
    }

    /** The last line of the region that starts at line {@code start}. */
    int end(int start) {
        return ends[start];
    }

    /** The language id of the region that starts at line {@code start} ("python", "java", "yaml", ...). */
    String language(int start) {
        return languages[start];
    }

    /** The region that starts at line {@code start}, its common indentation removed, one line break after each line. */
    String code(int start) {
        StringBuilder code = new StringBuilder();
        for (int j = start; j <= ends[start]; j++) {
            code.append(note.lines[j]).append('\n');
        }
        return dedent(code.toString());
    }

    private void mark() {
        String[] lines = note.lines;
        LineType[] types = note.types;
        int count = note.count;
        for (int i = 0; i < count; i++) {
            if (types[i] != null || lines[i].isBlank()) {
                continue;
            }
            int end = yamlEnd(i);
            CodeDetector.Language language = end > i ? CodeDetector.Language.YAML : note.strong(i);
            if (language == CodeDetector.Language.NONE) {
                continue;
            }
            Map<CodeDetector.Language, Integer> votes = new java.util.EnumMap<>(CodeDetector.Language.class);
            votes.merge(language, 1, Integer::sum);
            if (language != CodeDetector.Language.YAML) {
                end = i;
                int j = i + 1;
                while (j < count && types[j] == null) {
                    if (lines[j].isBlank()) {
                        int k = j;
                        while (k < count && lines[k].isBlank()) {
                            k++;
                        }
                        if (k < count && types[k] == null && (note.strong(k) != CodeDetector.Language.NONE
                                || PlainLines.indented(lines[k]) && CodeDetector.weak(lines[k]))) {
                            j = k;
                            continue;
                        }
                        break;
                    }
                    CodeDetector.Language more = note.strong(j);
                    if (more != CodeDetector.Language.NONE) {
                        votes.merge(more, 1, Integer::sum);
                    } else if (!CodeDetector.weak(lines[j])) {
                        break;
                    }
                    end = j;
                    j++;
                }
            }
            // A comment line right above the code belongs to it.
            int start = i;
            while (start > 0 && types[start - 1] == null && CodeDetector.weak(lines[start - 1]) && isComment(lines[start - 1])) {
                start--;
            }
            String id = language(votes).id;
            for (int j = start; j <= end; j++) {
                types[j] = LineType.CODE;
            }
            ends[start] = end;
            languages[start] = id;
            i = end;
        }
    }

    /**
     * The language most strong lines of a region say; the shapes several languages share (a call, a statement with a
     * semicolon) count only when no line says a language of its own, for the language they stand for then.
     */
    static CodeDetector.Language language(Map<CodeDetector.Language, Integer> votes) {
        CodeDetector.Language best = null;
        for (Map.Entry<CodeDetector.Language, Integer> vote : votes.entrySet()) {
            if (vote.getKey().fallback == null && (best == null || vote.getValue() > votes.get(best))) {
                best = vote.getKey();
            }
        }
        if (best != null) {
            return best;
        }
        Map<CodeDetector.Language, Integer> fallbacks = new java.util.EnumMap<>(CodeDetector.Language.class);
        votes.forEach((language, count) -> fallbacks.merge(language.fallback, count, Integer::sum));
        return fallbacks.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static boolean isComment(String line) {
        String s = line.strip();
        return s.startsWith("# ") || s.startsWith("//");
    }

    /** The last line of a YAML block starting at {@code i} (a "key:" line with nested lines), or -1. */
    private int yamlEnd(int i) {
        String[] lines = note.lines;
        if (!CodeDetector.yamlKey(lines[i]) || PlainLines.indented(lines[i])) {
            return -1;
        }
        int end = i;
        boolean nested = false;
        for (int j = i + 1; j < note.count && note.types[j] == null; j++) {
            String line = lines[j];
            if (line.isBlank()) {
                continue;
            }
            if (CodeDetector.yamlKey(line) || CodeDetector.yamlItem(line) || isComment(line) && line.strip().startsWith("#")
                    || CodeDetector.yamlNestedKey(line)) {
                nested |= PlainLines.indented(line) && CodeDetector.yamlOpen(lines[end]);
                end = j;
            } else {
                break;
            }
        }
        return nested && end > i ? end : -1;
    }

    /** Removes the indentation common to all non-blank lines. */
    static String dedent(String code) {
        String[] rows = code.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String row : rows) {
            if (!row.isBlank()) {
                int n = 0;
                while (n < row.length() && (row.charAt(n) == ' ' || row.charAt(n) == '\t')) {
                    n++;
                }
                common = Math.min(common, n);
            }
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return code;
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.length; r++) {
            if (r > 0) {
                out.append('\n');
            }
            out.append(rows[r].isBlank() ? "" : rows[r].substring(common));
        }
        return out.toString();
    }
}
