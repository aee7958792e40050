package dev.recall.quiz.generation;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A light rewording keeps item ids (and so the learner's progress); a deleted fact retires its item. */
class EditStabilityTests {

    private final Generator generator = new Generator();

    /** Rewords as an editor would: punctuation, a few words in definitions and answers, never the terms. */
    static String reword(String markdown) {
        return markdown
                .replace("对象。", "对象实例。").replace("函数。", "函数对象。").replace("，", "， ")
                .replace("立即", "马上").replace("仍然", "依然").replace("明显", "显著")
                .replace(" the ", " the ").replace("so a lookup", "so that a lookup").replace("stays fresh", "remains fresh")
                .replace("must not be stored at all", "must never be stored");
    }

    @Test
    void lightRewordingKeepsAtLeast95PercentOfIds() {
        int before = 0;
        int kept = 0;
        for (var file : SampleNotes.files()) {
            NoteInput note = SampleNotes.note(file);
            List<QuizItem> original = generator.generate(note);
            List<QuizItem> edited = ItemMatcher.rematch(original,
                    generator.generate(new NoteInput(note.noteId(), reword(note.markdown()), note.tags())));
            Set<String> ids = new HashSet<>();
            edited.forEach(i -> ids.add(i.id()));
            before += original.size();
            kept += (int) original.stream().filter(i -> ids.contains(i.id())).count();
        }
        assertThat(kept).as("ids kept of %d", before).isGreaterThanOrEqualTo((int) Math.ceil(before * 0.95));
    }

    @Test
    void rewordedQuestionKeepsItsIdAndDeletedFactRetires() {
        String v1 = "# Keywords\n\nWhich keyword rebinds an enclosing variable?::nonlocal\nWhich keyword declares a module global?::global\n";
        String v2 = "# Keywords\n\nWhich keyword rebinds an enclosing variable in Python?::nonlocal\n";
        List<QuizItem> first = generator.generate(new NoteInput("n", v1, List.of()));
        List<QuizItem> second = ItemMatcher.rematch(first, generator.generate(new NoteInput("n", v2, List.of())));
        assertThat(second).hasSize(1);
        assertThat(second.get(0).id()).isEqualTo(first.get(0).id());
        assertThat(second.get(0).prompt()).endsWith("in Python?");
        // Unrelated text under another heading does not steal an id.
        List<QuizItem> moved = ItemMatcher.rematch(first, generator.generate(new NoteInput("n",
                "# Other\n\nWhich keyword rebinds an enclosing variable?::nonlocal\n", List.of())));
        assertThat(moved.get(0).id()).isNotIn(first.stream().map(QuizItem::id).toList());
    }
}
