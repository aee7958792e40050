package dev.recall.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.quiz.generation.Generator;
import dev.recall.quiz.generation.NoteInput;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code POST /api/v1/generate} on quiz-service with a 1 MB note, next to the generator alone and a bare CommonMark
 * parse of the same text, measured in rounds that alternate the three in one run. The notes are those of
 * {@code GeneratorBenchmark} (benchmarks/): the Markdown samples and the pasted plain-text corpus, each repeated to
 * 1 MB. Requests are sequential (one at a time, as a learner previewing a note). Figures: wall-clock MB/s of the
 * request, MB per CPU-second of the service process (all its threads: HTTP, JSON in and out, generation, GC, from
 * /proc), MB per CPU-second of the generator alone and of CommonMark (thread CPU time in this JVM), and their ratios.
 * On a shared machine the wall-clock figure says how much CPU the scheduler handed out; the CPU figures say what
 * the work costs.
 */
final class GenerateLoad {

    /** 1 MB (10^6 bytes of UTF-8): the largest note body the services accept, as in GeneratorBenchmark. */
    static final int TARGET_BYTES = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One note's medians: seconds per operation. */
    record Figures(String note, double megabytes, int items, double requestWall, double serviceCpu, double generatorWall,
                   double generatorCpu, double commonmarkCpu) {
        double requestMbPerSecond() {
            return megabytes / requestWall;
        }

        double serviceMbPerCpuSecond() {
            return megabytes / serviceCpu;
        }

        double generatorMbPerSecond() {
            return megabytes / generatorWall;
        }

        double generatorMbPerCpuSecond() {
            return megabytes / generatorCpu;
        }

        double commonmarkMbPerCpuSecond() {
            return megabytes / commonmarkCpu;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String quizUrl;
    private final String token;
    private final long servicePid;

    GenerateLoad(String quizUrl, String token, long servicePid) {
        this.quizUrl = quizUrl;
        this.token = token;
        this.servicePid = servicePid;
    }

    /** The two benchmark notes (Markdown samples, pasted plain-text corpus) of a project checkout. */
    static List<NoteInput> notes(Path root) throws IOException {
        return List.of(
                new NoteInput("benchmark-md", repeat(read(root.resolve("samples/notes"), ".md"), "\n# "), List.of()),
                new NoteInput("benchmark-txt", repeat(read(root.resolve("quiz-generator/src/test/resources/corpus"), ".txt"), null), List.of()));
    }

    /** {@code rounds} measured rounds per note after {@code warmup} unmeasured ones. */
    List<Figures> run(List<NoteInput> notes, int warmup, int rounds) throws Exception {
        Generator generator = new Generator();
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create())).build();
        List<Figures> out = new ArrayList<>();
        for (NoteInput note : notes) {
            String body = JSON.writeValueAsString(Map.of("markdown", note.markdown(), "tags", List.of()));
            int items = post(body);
            for (int i = 0; i < warmup; i++) {
                post(body);
                generator.generate(note);
                parser.parse(note.markdown());
            }
            double[] wall = new double[rounds];
            double[] service = new double[rounds];
            double[] aloneWall = new double[rounds];
            double[] alone = new double[rounds];
            double[] bare = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long ticks = CpuMeter.ticks(servicePid);
                long started = System.nanoTime();
                post(body);
                wall[r] = (System.nanoTime() - started) / 1e9;
                service[r] = (CpuMeter.ticks(servicePid) - ticks) / 100.0; // USER_HZ
                // A big note's sections run on the common pool too: the generator's CPU is every Java thread's.
                long w0 = System.nanoTime();
                long t0 = javaThreadsCpu();
                generator.generate(note);
                long t1 = javaThreadsCpu();
                aloneWall[r] = (System.nanoTime() - w0) / 1e9;
                long b0 = THREADS.getCurrentThreadCpuTime();
                parser.parse(note.markdown());
                bare[r] = (THREADS.getCurrentThreadCpuTime() - b0) / 1e9;
                alone[r] = (t1 - t0) / 1e9;
            }
            out.add(new Figures(note.noteId(), note.markdown().getBytes(StandardCharsets.UTF_8).length / 1e6, items,
                    median(wall), median(service), median(aloneWall), median(alone), median(bare)));
        }
        return out;
    }

    /** Sends one preview request; the number of items it answered with. */
    private int post(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(quizUrl + "/api/v1/generate"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v1/generate answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        JsonNode answer = JSON.readTree(response.body());
        return answer.path("count").asInt();
    }

    /** CPU nanoseconds of every live Java thread of this JVM (the common pool's workers stay alive between rounds). */
    private static long javaThreadsCpu() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            sum += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The files of {@code dir} ending in {@code suffix} (edits and READMEs left out), concatenated (as GeneratorBenchmark). */
    static String read(Path dir, String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix) && !f.toString().contains(".edit.")
                    && !f.endsWith("README.md")).sorted().toList()) {
                text.append(Files.readString(file)).append("\n\n");
            }
        }
        return text.toString();
    }

    /** Copies of {@code text} up to {@link #TARGET_BYTES}, each copy's top headings numbered (as GeneratorBenchmark). */
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
}
