package dev.recall.quiz.generation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sections worked on in parallel give exactly what one thread gives: the same items and drops in the same order
 * (lists numbered in note order, the gate's duplicate checks after the join).
 */
class ParallelGenerationTests {

    private final Generator oneThread = new Generator(Integer.MAX_VALUE);
    private final Generator parallel = new Generator(0);

    @Test
    void everySampleAndCorpusNoteGivesTheSameItemsOnSeveralThreads() {
        for (NoteInput note : notes()) {
            assertSame(note);
        }
    }

    @Test
    void aBigNoteOfManySectionsGivesTheSameItemsOnSeveralThreads() {
        StringBuilder markdown = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (int copy = 0; copy < 6; copy++) {
            for (NoteInput note : notes()) {
                StringBuilder into = note.noteId().startsWith("sample-") ? markdown : plain;
                // Numbered copies are different sections (their lists are siblings for the distractors); equal
                // copies give duplicates for the gate to drop across threads.
                into.append(copy % 2 == 0 ? note.markdown().replace("\n# ", "\n# " + copy + " ") : note.markdown()).append("\n\n");
            }
        }
        Generator.Result md = assertSame(new NoteInput("big-md", markdown.toString(), List.of("t")));
        Generator.Result txt = assertSame(new NoteInput("big-txt", plain.toString(), List.of()));
        assertThat(md.items()).hasSizeGreaterThan(500);
        assertThat(md.dropped()).anyMatch(d -> d.reason().equals("duplicate"));
        assertThat(txt.items()).hasSizeGreaterThan(100);
    }

    private Generator.Result assertSame(NoteInput note) {
        Generator.Result expected = oneThread.run(note);
        Generator.Result actual = parallel.run(note);
        assertThat(actual.items()).as("items of %s", note.noteId()).isEqualTo(expected.items());
        assertThat(actual.dropped()).as("drops of %s", note.noteId()).isEqualTo(expected.dropped());
        return actual;
    }

    private static List<NoteInput> notes() {
        List<NoteInput> notes = new ArrayList<>();
        for (Path file : SampleNotes.files()) {
            notes.add(SampleNotes.note(file));
        }
        for (Path file : CorpusReport.notes()) {
            notes.add(CorpusReport.note(file));
        }
        return notes;
    }
}
