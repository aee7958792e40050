package dev.recall.quiz.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The evaluation corpus report: per note, sections found, sections with items, items by type, items the quality
 * gate dropped and why, and (with {@code -Dcorpus.items=true}) every item. Run it with
 * {@code ./mvnw -q -o test -pl quiz-generator -am -Pcorpus-report} or as a main class from the test classpath.
 */
public final class CorpusReport {

    private CorpusReport() {
    }

    static Path corpus() {
        return SampleNotes.root().resolve("quiz-generator/src/test/resources/corpus");
    }

    static List<Path> notes() {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().contains(".edit.") && !f.getFileName().toString().equals("golden.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NoteInput note(Path file) {
        try {
            return new NoteInput(file.getFileName().toString(), Files.readString(file), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String report(boolean withItems) {
        StringBuilder out = new StringBuilder();
        Generator generator = new Generator();
        for (Path file : notes()) {
            NoteInput note = note(file);
            Generator.Result result = generator.run(note);
            NoteDocument document = new NoteDocument(note.markdown());
            long real = document.sections.stream().filter(s -> !s.blocks().isEmpty()).count();
            long covered = document.sections.stream().filter(s -> !s.blocks().isEmpty())
                    .filter(s -> result.items().stream().anyMatch(i -> java.util.Objects.equals(i.sectionId(), s.sectionId()))).count();
            Map<ItemType, Integer> byType = new TreeMap<>();
            result.items().forEach(i -> byType.merge(i.type(), 1, Integer::sum));
            Map<String, Integer> dropped = new TreeMap<>();
            result.dropped().forEach(d -> dropped.merge(d.reason(), 1, Integer::sum));
            out.append(String.format("%s [%s]%n  sections found: %d (with content: %d), with items: %d%n  items: %d %s%n  dropped by the gate: %d %s%n",
                    file.getFileName(), document.structure.format(), document.sections.size(), real, covered, result.items().size(), byType,
                    result.dropped().size(), dropped));
            List<String> empty = new ArrayList<>();
            document.sections.stream().filter(s -> !s.blocks().isEmpty())
                    .filter(s -> result.items().stream().noneMatch(i -> java.util.Objects.equals(i.sectionId(), s.sectionId())))
                    .forEach(s -> empty.add(String.join(" > ", s.headingPath())));
            if (!empty.isEmpty()) {
                out.append("  sections without items: ").append(empty).append('\n');
            }
            out.append("  boilerplate: ").append(document.structure.boilerplate().size()).append(" regions\n");
            if (withItems) {
                for (QuizItem item : result.items()) {
                    out.append("    - ").append(item.type()).append(" [").append(item.generator()).append("] ")
                            .append(item.prompt().replace("\n", "⏎")).append("  =>  ").append(String.join(" | ", item.answers()).replace("\n", "⏎"));
                    if (item.options() != null && item.type() != ItemType.TRUE_FALSE) {
                        out.append("  {").append(String.join(" / ", item.options())).append('}');
                    }
                    out.append('\n');
                }
                for (Generator.Dropped d : result.dropped()) {
                    out.append("    x ").append(d.reason()).append(": ").append(d.item().prompt().replace("\n", "⏎")).append("  =>  ")
                            .append(String.join(" | ", d.item().answers()).replace("\n", "⏎")).append('\n');
                }
            }
        }
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.print(report(args.length > 0 && args[0].equals("--items") || Boolean.getBoolean("corpus.items")));
    }
}
