package dev.recall.content.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.Arrays;
import java.util.List;

/** A line diff between two texts (Myers' algorithm from java-diff-utils), as unified diff and as changes. */
public final class LineDiff {

    /** One changed region: lines {@code sourceLine..} of the old text became lines {@code targetLine..} of the new. */
    public record Change(String type, int sourceLine, List<String> removed, int targetLine, List<String> added) {
    }

    public record Result(String unified, List<Change> changes, int linesAdded, int linesRemoved) {
    }

    private LineDiff() {
    }

    public static Result diff(String oldName, String oldText, String newName, String newText) {
        List<String> oldLines = lines(oldText);
        List<String> newLines = lines(newText);
        Patch<String> patch = DiffUtils.diff(oldLines, newLines);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, oldLines, patch, 3);
        int added = 0;
        int removed = 0;
        List<Change> changes = new java.util.ArrayList<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            List<String> gone = delta.getSource().getLines();
            List<String> came = delta.getTarget().getLines();
            removed += gone.size();
            added += came.size();
            changes.add(new Change(delta.getType().name().toLowerCase(), delta.getSource().getPosition() + 1, List.copyOf(gone),
                    delta.getTarget().getPosition() + 1, List.copyOf(came)));
        }
        return new Result(unified.isEmpty() ? "" : String.join("\n", unified) + "\n", List.copyOf(changes), added, removed);
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.endsWith("\n")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return Arrays.asList(normalized.split("\n", -1));
    }
}
