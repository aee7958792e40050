package dev.recall.progress.enrollment;

import dev.recall.platform.input.Inputs;
import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.problem.Text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an enrolment of each kind may follow, in the one spelling item events use, so that an enrolment either
 * can match items or is refused: a note or a deck is its id, a UUID that content-service writes in lower case
 * (an upper-case spelling used to be stored as given and match nothing); a tag is a tag as content-service takes
 * it on a note (stripped, 1 to 64 characters). Pure.
 */
public final class EnrollmentTarget {

    /** A note's tags are at most 64 characters (content-service's NoteRequest); a UUID is 36. */
    public static final int MAX_TAG = 64;

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EnrollmentTarget() {
    }

    /** The target of {@code kind} (note, deck or tag) as item events name it, or a 400 naming {@code target}. */
    public static String canonical(String kind, String raw) {
        String target = Inputs.name("target", raw.strip());
        return switch (kind) {
            case "note", "deck" -> {
                if (!UUID_TEXT.matcher(target).matches()) {
                    throw ProblemException.invalid("target", kind.equals("note") ? Text.of("progress.enrollment.note-id") : Text.of("progress.enrollment.deck-id"));
                }
                yield target.toLowerCase(Locale.ROOT);
            }
            case "tag" -> {
                if (target.length() > MAX_TAG) {
                    throw ProblemException.invalid("target", Text.of("constraint.Size.max.characters", MAX_TAG));
                }
                yield target;
            }
            default -> throw ProblemException.invalid("kind", Text.of("progress.enrollment.kind"));
        };
    }
}
