package dev.recall.benchmarks;

import dev.recall.quiz.generation.Generator;
import dev.recall.quiz.generation.NoteInput;
import dev.recall.quiz.generation.QuizItem;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
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
 * Quiz item generation on a 1 MB note, against a bare CommonMark parse of the same text (tables + front matter,
 * no source spans) in the same run: the Markdown sample notes (samples/notes) repeated to 1 MB, and the pasted
 * plain-text corpus (quiz-generator/src/test/resources/corpus) repeated to 1 MB. Mode is throughput in operations
 * per second on a {@link #TARGET_BYTES} note, so ops/s is MB/s. Run from the project root:
 * {@code java -jar benchmarks/target/benchmarks.jar GeneratorBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GeneratorBenchmark {

    /** 1 MB (10^6 bytes of UTF-8): the largest note body the services accept. */
    static final int TARGET_BYTES = 1_000_000;

    private final Generator generator = new Generator();
    private final Parser bareParser = Parser.builder()
            .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()))
            .build();

    private NoteInput markdown;
    private NoteInput plainText;

    /** The 1 MB Markdown note (the samples, repeated) and the 1 MB pasted plain-text note (the corpus, repeated). */
    static List<NoteInput> notes() throws IOException {
        return List.of(
                new NoteInput("benchmark-md", repeat(read(Path.of(System.getProperty("notes", "samples/notes")), ".md"), "\n# "), List.of()),
                new NoteInput("benchmark-txt", repeat(read(Path.of(System.getProperty("corpus",
                        "quiz-generator/src/test/resources/corpus")), ".txt"), null), List.of()));
    }

    @Setup
    public void load() throws IOException {
        List<NoteInput> notes = notes();
        markdown = notes.get(0);
        plainText = notes.get(1);
        for (NoteInput note : List.of(markdown, plainText)) {
            System.out.printf("%n[GeneratorBenchmark] %s: %.3f MB UTF-8, %d items%n", note.noteId(),
                    note.markdown().getBytes(StandardCharsets.UTF_8).length / 1e6, generator.generate(note).size());
        }
    }

    /** The files of {@code dir} ending in {@code suffix} (edits and READMEs left out), concatenated. */
    static String read(Path dir, String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix) && !f.toString().contains(".edit.")
                    && !f.endsWith("README.md")).sorted().toList()) {
                text.append(Files.readString(file)).append("\n\n");
            }
        }
        if (text.isEmpty()) {
            throw new IllegalStateException("no notes in " + dir.toAbsolutePath() + "; run from the project root");
        }
        return text.toString();
    }

    /**
     * Copies of {@code text} up to {@link #TARGET_BYTES}; each copy's top headings (after {@code headingMark}) get
     * the copy number, so the copies are different sections rather than one item id each.
     */
    static String repeat(String text, String headingMark) {
        StringBuilder out = new StringBuilder();
        int round = 0;
        int bytes = 0;
        while (true) {
            String copy = headingMark == null ? "第" + round + "篇 " + text : text.replace(headingMark, headingMark + round + " ");
            int size = copy.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > TARGET_BYTES) {
                break;
            }
            out.append(copy);
            bytes += size;
            round++;
        }
        return out.toString();
    }

    /** The whole generator on Markdown: structure, explicit and implicit items, quality gate. */
    @Benchmark
    public List<QuizItem> generateMarkdown() {
        return generator.generate(markdown);
    }

    /** The whole generator on pasted plain text: structure recovery, rules, gate. */
    @Benchmark
    public List<QuizItem> generatePlainText() {
        return generator.generate(plainText);
    }

    /** The baseline: CommonMark alone on the Markdown note, as most renderers use it. */
    @Benchmark
    public Node commonmarkParseMarkdown() {
        return bareParser.parse(markdown.markdown());
    }

    /** The baseline: CommonMark alone on the plain-text note. */
    @Benchmark
    public Node commonmarkParsePlainText() {
        return bareParser.parse(plainText.markdown());
    }
}
