package dev.recall.quiz.item;

/**
 * The version rule for note events: content-service gives every change of a note the next version and
 * publishes exactly one event per version, in order, on the note's key. So an event for a note we know
 * may repeat or trail the stored version (a redelivery, a republish: ignored), or be the next one; a
 * jump further ahead is not something the producer can have sent, and applying it would pin the note at
 * a version no real edit reaches. Pure.
 */
final class NoteVersions {

    private NoteVersions() {
    }

    /** @param known the stored version, or null for a note not seen yet (any version may be its first). */
    static void requireReachable(String noteId, Long known, long next) {
        if (next < 1) {
            throw new IllegalArgumentException("note " + noteId + " has version " + next + "; versions start at 1");
        }
        if (known != null && next > known + 1) {
            throw new IllegalArgumentException("note " + noteId + " jumps from version " + known + " to " + next
                    + "; content-service publishes every version in order, so the next one can only be " + (known + 1));
        }
    }
}
