package dev.recall.quiz.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The project's sample notes (samples/notes), as the generator sees them. */
final class SampleNotes {

    static Path root() {
        String configured = System.getProperty("recall.project.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("samples/notes"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("samples/notes not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(root().resolve("samples/notes"))) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("README.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NoteInput note(Path file) {
        try {
            String name = file.getFileName().toString().replace(".md", "");
            String text = Files.readString(file);
            List<String> tags = text.lines().filter(l -> l.startsWith("tags:")).findFirst()
                    .map(l -> Arrays.stream(l.substring(5).replaceAll("[\\[\\]]", "").split(",")).map(String::strip).toList())
                    .orElse(List.of());
            return new NoteInput("sample-" + name, text, tags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
