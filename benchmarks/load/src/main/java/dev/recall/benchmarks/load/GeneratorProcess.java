package dev.recall.benchmarks.load;

import dev.recall.quiz.generation.Generator;
import dev.recall.quiz.generation.NoteInput;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The generator alone in a JVM of its own, started by {@link GenerateLoad} with quiz-service's heap and collector
 * options, so that "generator alone" and "the service" are measured with the same JVM settings and the same way
 * (the whole process's CPU from /proc: collector and JIT threads included). Reads a note's index (into
 * {@link GenerateLoad#notes}) per line on stdin, generates that note's items, and answers with the item count and
 * the wall-clock nanoseconds of the generation on one line. The note id is the service's ("preview"): ids depend
 * on it, and so does which items share an id, so the count is the service's.
 */
public final class GeneratorProcess {

    private GeneratorProcess() {
    }

    public static void main(String[] args) throws Exception {
        // stdout carries the answers only: what the generator's libraries print (the segmenter's model load) goes to stderr.
        java.io.PrintStream answers = System.out;
        System.setOut(System.err);
        List<NoteInput> notes = GenerateLoad.notes(Path.of(args[0]));
        Generator generator = new Generator();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        answers.println("ready");
        answers.flush();
        for (String line; (line = in.readLine()) != null; ) {
            NoteInput note = notes.get(Integer.parseInt(line.trim()));
            note = new NoteInput("preview", note.markdown(), note.tags()); // as GenerateResource: the same items
            long started = System.nanoTime();
            int items = generator.generate(note).size();
            answers.println(items + " " + (System.nanoTime() - started));
            answers.flush();
        }
    }
}
