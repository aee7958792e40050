package dev.recall.benchmarks.load;

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

    /**
     * One note's medians, seconds per operation: the request (wall, service process CPU), the generator in a JVM
     * with the service's options ({@link GeneratorProcess}: wall, process CPU), the generator in this JVM (wall, CPU
     * of the Java threads) and a bare CommonMark parse (this thread's CPU).
     */
    record Figures(String note, double megabytes, int items, double requestWall, double serviceCpu, double processWall,
                   double processCpu, double generatorWall, double generatorCpu, double commonmarkCpu) {
        double requestMbPerSecond() {
            return megabytes / requestWall;
        }

        double serviceMbPerCpuSecond() {
            return megabytes / serviceCpu;
        }

        double processMbPerSecond() {
            return megabytes / processWall;
        }

        double processMbPerCpuSecond() {
            return megabytes / processCpu;
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
    /** The options the generator's own JVM gets: quiz-service's heap and collector. */
    private final List<String> jvmOptions;
    private final Path root;

    GenerateLoad(String quizUrl, String token, long servicePid, List<String> jvmOptions, Path root) {
        this.quizUrl = quizUrl;
        this.token = token;
        this.servicePid = servicePid;
        this.jvmOptions = jvmOptions;
        this.root = root;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GeneratorProcess.class.getName(), root.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var toChild = new java.io.PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
             var fromChild = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            if (!"ready".equals(fromChild.readLine())) {
                throw new IllegalStateException("the generator's JVM did not start: " + command);
            }
            for (int n = 0; n < notes.size(); n++) {
                NoteInput note = notes.get(n);
                String body = JSON.writeValueAsString(Map.of("markdown", note.markdown(), "tags", List.of()));
                int items = JSON.readTree(post(body)).path("count").asInt();
                for (int i = 0; i < warmup; i++) {
                    post(body);
                    inChild(toChild, fromChild, n, items);
                    generator.generate(note);
                    parser.parse(note.markdown());
                }
                double[] wall = new double[rounds];
                double[] service = new double[rounds];
                double[] childWall = new double[rounds];
                double[] childCpu = new double[rounds];
                double[] aloneWall = new double[rounds];
                double[] alone = new double[rounds];
                double[] bare = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long ticks = CpuMeter.ticks(servicePid);
                    long started = System.nanoTime();
                    post(body);
                    wall[r] = (System.nanoTime() - started) / 1e9;
                    service[r] = (CpuMeter.ticks(servicePid) - ticks) / 100.0; // USER_HZ
                    long childTicks = CpuMeter.ticks(child.pid());
                    childWall[r] = inChild(toChild, fromChild, n, items) / 1e9;
                    childCpu[r] = (CpuMeter.ticks(child.pid()) - childTicks) / 100.0;
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
                        median(wall), median(service), median(childWall), median(childCpu), median(aloneWall), median(alone),
                        median(bare)));
            }
        } finally {
            child.destroy();
            child.waitFor();
        }
        return out;
    }

    /** Has the generator's own JVM generate note {@code index}; the wall-clock nanoseconds it took. */
    private static long inChild(java.io.PrintWriter toChild, java.io.BufferedReader fromChild, int index, int items) throws IOException {
        toChild.println(index);
        String[] answer = fromChild.readLine().split(" ");
        if (Integer.parseInt(answer[0]) != items) {
            throw new IllegalStateException("the generator's JVM gave " + answer[0] + " items, the service " + items);
        }
        return Long.parseLong(answer[1]);
    }

    /**
     * Sends one preview request and reads the whole answer; its body. The request's time ends when the last byte
     * has arrived: reading the answer's JSON is the client's work (GenerateLoad parses it once, outside the timing).
     */
    private byte[] post(String body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(quizUrl + "/api/v1/generate"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException("POST /api/v1/generate answered " + response.statusCode() + ": "
                    + text.substring(0, Math.min(500, text.length())));
        }
        return response.body();
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
