package dev.recall.benchmarks;

import dev.recall.quiz.generation.Generator;
import dev.recall.quiz.generation.NoteInput;
import dev.recall.quiz.generation.QuizItem;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Quiz item generation over the sample notes (samples/notes/*.md) concatenated and repeated to about 5 MB,
 * against a bare CommonMark parse of the same text (tables + front matter, no source spans). Both report
 * milliseconds per 5 MB note; MB/s = {@code MEGABYTES} / (ms / 1000), printed by {@link #load()} as the input
 * size. Run from the project root: {@code java -jar benchmarks/target/benchmarks.jar GeneratorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GeneratorBenchmark {

    static final int TARGET_BYTES = 5 * 1024 * 1024;

    private final Generator generator = new Generator();
    private final Parser bareParser = Parser.builder()
            .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()))
            .build();
    private final Parser spanParser = Parser.builder()
            .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private String markdown;
    private NoteInput note;

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("notes", "samples/notes"));
        StringBuilder samples = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md") && !f.endsWith("README.md")).sorted().toList()) {
                samples.append(Files.readString(file)).append("\n\n");
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no sample notes in " + dir.toAbsolutePath() + "; run from the project root or pass -Dnotes=DIR");
        }
        StringBuilder text = new StringBuilder();
        int round = 0;
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < TARGET_BYTES) {
            // Each copy's top headings get the copy number: the copies are different sections, not one item id each.
            text.append(samples.toString().replace("\n# ", "\n# " + round++ + " "));
        }
        markdown = text.toString();
        note = new NoteInput("benchmark", markdown, List.of("benchmark"));
        System.out.printf("%n[GeneratorBenchmark] input: %.2f MB UTF-8, %d chars, %d items%n",
                markdown.getBytes(StandardCharsets.UTF_8).length / 1e6, markdown.length(), generator.generate(note).size());
    }

    /** The whole generator: parse with source spans, explicit and implicit items, quality gate. */
    @Benchmark
    public List<QuizItem> generate() {
        return generator.generate(note);
    }

    /** CommonMark alone, as most renderers use it. */
    @Benchmark
    public Node commonmarkParse() {
        return bareParser.parse(markdown);
    }

    /** CommonMark with the source spans the generator needs for line ranges. */
    @Benchmark
    public Node commonmarkParseWithSourceSpans() {
        return spanParser.parse(markdown);
    }
}
