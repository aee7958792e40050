package dev.recall.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.ProjectRoot;
import dev.recall.launchers.Tokens;
import dev.recall.local.DevKeys;
import dev.recall.local.LocalStack;
import dev.recall.local.NoteToDueProbe;
import dev.recall.local.Service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * benchmarks/run.sh ends here: starts its own stack (free ports, fresh *_bench databases, -DdbSuffix for another suffix), then measures start
 * time and RSS, note-to-due propagation from the very first note, note creates (with quiz-service running and
 * stopped) and reviews each against pgbench on the statements they really issued, the due queue and search at
 * 100,000 rows, POST /api/v1/generate on a 1 MB note against the generator alone and a bare CommonMark parse, and
 * the JMH cores; prints one table of figures and ratios, with the captured SQL and plans. {@code -Donly=generate}
 * measures the generate path alone (content and progress stopped); {@code -Donly=start} the start phase alone (start
 * times, RSS and propagation with deploy/local/run.sh's JVM settings); {@code -Donly=search} the search part alone, over the
 * notes the full run writes before it (quiz and progress stopped).
 */
public final class PerformanceRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String[]> table = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();
    private LocalStack stack;
    private Tokens tokens;
    private Postgres pg;
    /** The suffix of the run's databases (-DdbSuffix, default _bench): two runs on one PostgreSQL need two. */
    private static final String SUFFIX = System.getProperty("dbSuffix", "_bench");
    /**
     * progress-service's young generation in the load phase (Processes' recall.young; -DprogressYoung= for the JVM's
     * own sizing). A due-queue page allocates ~0.22 MB, and the ~17 MB eden the JVM gives the service's small heap
     * fills every 70-80 pages: 1.3-1.5% of the pages met a young collection, more than the 1% a p99 hides. With
     * -Xmn96m 0.3% do (64m: 0.4-0.5%); measured in one run, docs/performance.md. Not quiz-service or content-service,
     * which the measurement did not cover.
     */
    private static final String PROGRESS_YOUNG = System.getProperty("progressYoung", "96m");

    public static void main(String[] args) throws Exception {
        new PerformanceRun().run(List.of(args));
        System.exit(0);
    }

    private void run(List<String> args) throws Exception {
        int clients = Integer.getInteger("clients", 8);
        int creates = Integer.getInteger("creates", 2_000);
        int reviews = Integer.getInteger("reviews", 4_000);
        int rows = Integer.getInteger("rows", 100_000);
        Path root = ProjectRoot.find();
        Path state = root.resolve(".local/bench");
        Path keys = DevKeys.ensure(state.resolve("jwt"));
        tokens = Tokens.fromPem(keys.resolve("privateKey.pem"));
        String load = loadAverage();
        Instant began = Instant.now();

        String only = System.getProperty("only");
        boolean startPhase = only == null || "start".equals(only);
        // The start phase measures what deploy/local/run.sh gives its user: C1 only and a heap kept tight
        // (recall.quick-start), with the AOT cache. The load phase restarts the services with full JIT (C2),
        // the peak speed a long-running server reaches, which the quick-start settings cost.
        System.setProperty("recall.quick-start", Boolean.toString(startPhase));
        String startJvm = String.join(" ", LocalStack.jvmOptions(Service.CONTENT));
        stack = LocalStack.start(new LocalStack.Options(state, SUFFIX, true, false, keys.resolve("publicKey.pem")));
        pg = stack.postgres();
        try {
            if ("due".equals(System.getProperty("only"))) { // the due queue alone (DueRun: -Drecall.jfr=DIR, -DdueVariants=...)
                stack.stop(Service.QUIZ);
                stack.stop(Service.CONTENT);
                // DueRun restarts progress-service as the load phase has it (a variant's -Drecall.young= changes that).
                System.setProperty("recall.young", PROGRESS_YOUNG);
                new DueRun(stack, tokens, SUFFIX, this::row, details).run(rows);
                printTable(began, load);
                return;
            }
            if ("reviews".equals(System.getProperty("only"))) { // the review part alone
                reviewPart(clients, reviews, rows);
                System.out.println(details);
                return;
            }
            if ("generate".equals(System.getProperty("only"))) { // POST /api/v1/generate alone, the other services stopped
                stack.stop(Service.CONTENT);
                stack.stop(Service.PROGRESS);
                // -DgenerateGc=SerialGC,ParallelGC: quiz-service (and the generator's own JVM) restarted with each
                // collector in turn, measured in the same run.
                for (String gc : System.getProperty("generateGc", "").split(",")) {
                    if (!gc.isBlank()) {
                        System.setProperty("recall.gc", gc.trim());
                        stack.restart(Service.QUIZ, false, Map.of());
                        details.append("\n### quiz-service with -XX:+Use").append(gc.trim()).append("\n");
                    }
                    generatePart(root);
                }
                printTable(began, load);
                return;
            }
            if ("write".equals(System.getProperty("only"))) { // the write path: note creates (quiz-service stopped), search, due queue
                stack.stop(Service.QUIZ);
                ContentLoad content = new ContentLoad(stack.url(Service.CONTENT), tokens.token(ContentLoad.TENANT, "bench-author",
                        Duration.ofHours(3), "author", "learner"), stack.postgres(), "recall_content" + SUFFIX);
                List<SqlCapture.Captured> noteSql = content.capture();
                section("SQL of one POST /notes (captured from the server log)", noteSql);
                notesAgainstBaseline(content, noteSql, creates, clients, "quiz-service stopped");
                searchPart(content, rows);
                reviewPart(clients, reviews, rows);
                printTable(began, load);
                return;
            }
            if ("search".equals(System.getProperty("only"))) { // search alone, over the notes the full run has written before it
                stack.stop(Service.QUIZ);
                stack.stop(Service.PROGRESS);
                ContentLoad content = new ContentLoad(stack.url(Service.CONTENT), tokens.token(ContentLoad.TENANT, "bench-author",
                        Duration.ofHours(3), "author", "learner"), stack.postgres(), "recall_content" + SUFFIX);
                // The full run's two note phases: warm-up and creates through the API, then pgbench's copies of one create.
                List<SqlCapture.Captured> noteSql = content.capture();
                content.creates(2 * (Integer.getInteger("notesWarmup", 50) + creates), clients);
                content.baseline(noteSql, 2 * creates, clients);
                searchPart(content, rows);
                printTable(began, load);
                return;
            }
            if ("notes".equals(System.getProperty("only"))) { // a short run for profiling note creates (with -Drecall.jfr=DIR)
                ContentLoad content = new ContentLoad(stack.url(Service.CONTENT), tokens.token(ContentLoad.TENANT, "bench-author",
                        Duration.ofHours(3), "author", "learner"), stack.postgres(), "recall_content" + SUFFIX);
                notesAgainstBaseline(content, content.capture(), creates, clients, "quiz-service running");
                stack.stop(Service.QUIZ);
                notesAgainstBaseline(content, content.capture(), creates, clients, "quiz-service stopped");
                return;
            }
            details.append("\n### JVM options\n- start phase (as deploy/local/run.sh starts the services): `").append(startJvm).append("`\n");
            for (Service service : Service.values()) {
                var running = stack.service(service);
                row("start " + service.module + " (3 started together, quick-start)", seconds(running.startTime()) + ", RSS " + running.rssMiB() + " MiB",
                        "target <= 2 s, <= 200 MiB", "");
            }
            String author = tokens.token("demo", "bench-author", Duration.ofHours(3), "author", "learner");
            String probeLearner = tokens.token("demo", "probe-" + UUID.randomUUID(), Duration.ofHours(3), "learner");
            NoteToDueProbe probe = new NoteToDueProbe();
            List<Double> due = probe.run(20, stack.url(Service.CONTENT), stack.url(Service.QUIZ), stack.url(Service.PROGRESS), author, probeLearner);
            row("note POST -> items listed (20 runs, from the first note)", String.format("p50 %.0f ms, p99 %.0f ms, first %.0f ms (its POST %.0f ms)",
                    NoteToDueProbe.percentile(probe.itemLatencies, 50), NoteToDueProbe.percentile(probe.itemLatencies, 99), probe.firstItemLatency(),
                    probe.firstPostLatency()), "", "");
            row("note POST -> cards due (20 runs, from the first note)", String.format("p50 %.0f ms, p99 %.0f ms, first %.0f ms",
                    NoteToDueProbe.percentile(due, 50), NoteToDueProbe.percentile(due, 99), probe.firstDueLatency()), "target p99 <= 500 ms", "");

            for (Service service : Service.values()) {
                stack.restart(service, false, Map.of());
                var running = stack.service(service);
                row("start " + service.module + " (one after another, quick-start)", seconds(running.startTime()) + ", RSS " + running.rssMiB() + " MiB",
                        "target <= 2 s, <= 200 MiB", "");
            }
            archiveComparison(stack, root);
            if ("start".equals(only)) {
                stack.close();
                printTable(began, load);
                return;
            }

            // The load phase: every service restarted with full JIT.
            System.setProperty("recall.quick-start", "false");
            details.append("- load phase (full JIT): `").append(String.join(" ", LocalStack.jvmOptions(Service.CONTENT))).append("`\n");
            withProgressYoung(() -> details.append("- load phase, progress-service: `")
                    .append(String.join(" ", LocalStack.jvmOptions(Service.PROGRESS))).append("`\n"));
            for (Service service : Service.values()) {
                if (service == Service.PROGRESS) {
                    withProgressYoung(() -> stack.restart(service, false, Map.of()));
                } else {
                    stack.restart(service, false, Map.of());
                }
                var running = stack.service(service);
                row("start " + service.module + " for the load phase (full JIT, one after another)", seconds(running.startTime())
                        + ", RSS " + running.rssMiB() + " MiB", "", "");
            }

            String contentDb = "recall_content" + SUFFIX;
            ContentLoad content = new ContentLoad(stack.url(Service.CONTENT), tokens.token(ContentLoad.TENANT, "bench-author",
                    Duration.ofHours(3), "author", "learner"), stack.postgres(), contentDb);
            List<SqlCapture.Captured> noteSql = content.capture();
            section("SQL of one POST /notes (captured from the server log)", noteSql);
            notesAgainstBaseline(content, noteSql, creates, clients, "quiz-service running");
            stack.stop(Service.QUIZ);
            notesAgainstBaseline(content, noteSql, creates, clients, "quiz-service stopped");
            stack.start(Service.QUIZ);

            searchPart(content, rows);

            reviewPart(clients, reviews, rows);
            generatePart(root);

            for (Service s : Service.values()) {
                row("RSS " + s.module + " after the load", stack.service(s).rssMiB() + " MiB", "", "");
            }
        } finally {
            stack.close();
        }
        if (!"start".equals(only)) {
            jmh(root);
        }
        printTable(began, load);
    }

    /** {@code action} with progress-service's load-phase young generation set (Processes reads it as it starts a service). */
    private static void withProgressYoung(Runnable action) {
        String before = System.getProperty("recall.young");
        System.setProperty("recall.young", PROGRESS_YOUNG);
        try {
            action.run();
        } finally {
            if (before == null) {
                System.clearProperty("recall.young");
            } else {
                System.setProperty("recall.young", before);
            }
        }
    }

    private void printTable(Instant began, String load) {
        System.out.println();
        System.out.printf("## Recall performance, %s (%d s)%n", began, Duration.between(began, Instant.now()).toSeconds());
        System.out.printf("machine: %s, %d cores, %s; load average at start %s, at end %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), load, loadAverage());
        System.out.println();
        System.out.println("| what | Recall | baseline in the same run | ratio |");
        System.out.println("|---|---|---|---|");
        for (String[] r : table) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
        System.out.println(details);
    }

    private void searchPart(ContentLoad content, int rows) throws Exception {
        int seeded = content.seed(rows);
        content.search(100, 0);
        CpuMeter cpu = new CpuMeter(pg, "recall_content" + SUFFIX, List.of(stack.service(Service.CONTENT).process().pid()));
        Load.Result search = content.search(0, 500);
        double[] seconds = cpu.stop();
        double jit = cpu.jitSeconds();
        cpu.close();
        row("GET /search over " + seeded + " notes (500 sequential, zh+en)", latency(search) + perRequest(seconds, jit, 500), "target p99 <= 30 ms",
                String.format("p99 %s", search.p99Ms() <= 30 ? "met" : "missed"));
        // Which queries of the mix make the tail, and how much of each request is the statement alone (JDBC, the
        // service's statement with its parameters inlined, 50 times after 10 unrecorded).
        details.append("\n### Search latency per query (ms; the statement alone: JDBC, 50 times)\n")
                .append("| query | requests | p50 | p99 | max | statement alone p50 | p99 |\n|---|---|---|---|---|---|---|\n");
        StringBuilder plans = new StringBuilder();
        for (var entry : content.latencyByQuery.entrySet()) {
            var http = entry.getValue();
            List<SqlCapture.Captured> sql = content.searchSql(entry.getKey());
            var alone = content.sqlLatency(sql, 50);
            details.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", entry.getKey(), http.getTotalCount(),
                    http.getValueAtPercentile(50) / 1000.0, http.getValueAtPercentile(99) / 1000.0, http.getMaxValue() / 1000.0,
                    alone.getValueAtPercentile(50) / 1000.0, alone.getValueAtPercentile(99) / 1000.0));
            plans.append(String.join("\n", Explain.analyze(pg, "recall_content" + SUFFIX, sql))).append("\n");
        }
        details.append("\n### Search plans\n```\n").append(plans).append("```\n");
    }

    /** ", CPU per request: service JVM x ms + database y ms". */
    static String perRequest(double[] seconds, double jitSeconds, int requests) {
        return String.format("; CPU per request: service JVM %.2f ms (of it JIT %.2f ms) + database %.2f ms", seconds[0] * 1000 / requests,
                jitSeconds * 1000 / requests, seconds[1] * 1000 / requests);
    }

    private void reviewPart(int clients, int reviews, int rows) throws Exception {
        awaitPipelineIdle();
        String progressDb = "recall_progress" + SUFFIX;
        ReviewLoad review = new ReviewLoad(stack.url(Service.PROGRESS), tokens.token(ReviewLoad.TENANT, ReviewLoad.USER,
                Duration.ofHours(3), "learner"), stack.postgres(), progressDb);
        review.seed(rows);
        new DueRun(stack, tokens, SUFFIX, this::row, details).measure(review, rows, 300, "");
        details.append("\n### Due queue plans\n```\n").append(String.join("\n", review.explainDue())).append("\n```\n");
        List<SqlCapture.Captured> reviewSql = review.capture();
        section("SQL of one POST /reviews (captured from the server log)", reviewSql);
        CpuMeter serviceCpu = new CpuMeter(pg, progressDb, List.of(stack.service(Service.PROGRESS).process().pid()));
        Load.Result service = review.reviews(reviews, clients);
        double[] serviceSeconds = serviceCpu.stop();
        double jit = serviceCpu.jitSeconds();
        serviceCpu.close();
        CpuMeter baselineCpu = new CpuMeter(pg, progressDb, List.of());
        PgBench.Result baseline = review.baseline(reviewSql, reviews, clients);
        double[] baselineSeconds = baselineCpu.stop();
        baselineCpu.close();
        cpuRow("POST /reviews", Math.min(reviews, review.dueCount() - 2), serviceSeconds, baselineSeconds, jit);
        details.append("\n### pgbench script for POST /reviews\n```\n").append(baseline.script()).append("```\n");
        row("POST /reviews, " + clients + " clients", rate(service, "reviews/s"), "pgbench -M prepared, same statements: " + rate(baseline),
                ratios(service, baseline));
    }

    /**
     * Waits until the events of the note-create phase have gone through (quiz-service's outbox empty, progress-service
     * applying none for a second): otherwise progress-service's item consumer runs during the review part, takes CPU
     * from it, and its statements end up in the captured SQL of POST /reviews (pgbench then fails on their keys).
     */
    private void awaitPipelineIdle() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (var quiz = pg.connect("recall_quiz" + SUFFIX); var progress = pg.connect("recall_progress" + SUFFIX)) {
            long applied = -1;
            while (System.nanoTime() < deadline) {
                long pending = count(quiz, "SELECT count(*) FROM outbox_event");
                long now = count(progress, "SELECT count(*) FROM processed_event");
                if (pending == 0 && now == applied) {
                    return;
                }
                applied = now;
                Thread.sleep(1_000);
            }
        }
        System.out.println("[bench] the event pipeline was still busy after 5 minutes; measuring anyway");
    }

    private static long count(java.sql.Connection db, String query) throws java.sql.SQLException {
        try (var sql = db.createStatement(); var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * POST /api/v1/generate with each 1 MB benchmark note (sequential), against the generator alone and a bare
     * CommonMark parse of the same text in this JVM, alternating round by round ({@link GenerateLoad}).
     */
    private void generatePart(Path root) throws Exception {
        String learner = tokens.token("demo", "bench-generate", Duration.ofHours(3), "learner");
        // The generator alone also runs in a JVM of its own with quiz-service's heap and collector options (not its
        // class-data archive, made for the service's class path, nor its JFR recording), so that it is measured as
        // the service is: same JVM settings, the whole process's CPU.
        List<String> quizJvm = LocalStack.jvmOptions(Service.QUIZ).stream().filter(o -> !o.startsWith("-XX:AOTCache")
                && !o.startsWith("-XX:SharedArchiveFile") && !o.startsWith("-Xshare") && !o.startsWith("-XX:StartFlightRecording")
                && !o.startsWith("-XX:FlightRecorderOptions") && !o.startsWith("-Dvertx.")).toList();
        details.append("\n### JVM options of the generator alone (GeneratorProcess, as quiz-service's)\n`")
                .append(String.join(" ", quizJvm)).append("`; the benchmark's own JVM (the \"in the benchmark JVM\" rows): `")
                .append(String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())).append("`\n");
        GenerateLoad generate = new GenerateLoad(stack.url(Service.QUIZ), learner, stack.service(Service.QUIZ).process().pid(), quizJvm, root);
        // 40 warm-up requests per note: after 10 the service is still mostly compiling the generator's many rules
        // (JFR: 18.8 s of JIT in 24 s of requests), which is a start-up cost, not what a preview costs.
        for (GenerateLoad.Figures f : generate.run(GenerateLoad.notes(root), Integer.getInteger("generateWarmup", 40),
                Integer.getInteger("generateRounds", 7))) {
            String what = String.format("%s (%.2f MB, %d items)", f.note(), f.megabytes(), f.items());
            String gc = System.getProperty("recall.gc") == null ? "" : ", -XX:+Use" + System.getProperty("recall.gc");
            row("POST /api/v1/generate, " + what + gc + ", sequential", String.format("%.2f MB/s wall, %.2f MB per service CPU-second",
                            f.requestMbPerSecond(), f.serviceMbPerCpuSecond()),
                    String.format("bare CommonMark %.1f MB per CPU-second", f.commonmarkMbPerCpuSecond()),
                    String.format("%.1f× the CPU of a bare parse", f.serviceCpu() / f.commonmarkCpu()));
            row("generator alone, quiz-service's JVM options, " + what + gc, String.format("%.2f MB/s wall, %.2f MB per process CPU-second",
                            f.processMbPerSecond(), f.processMbPerCpuSecond()),
                    String.format("bare CommonMark %.1f MB per CPU-second", f.commonmarkMbPerCpuSecond()),
                    String.format("%.1f× the CPU of a bare parse; HTTP path %.2f× the generator", f.processCpu() / f.commonmarkCpu(),
                            f.serviceCpu() / f.processCpu()));
            row("generator alone, in the benchmark JVM, " + what, String.format("%.2f MB/s wall, %.2f MB per CPU-second (Java threads)",
                            f.generatorMbPerSecond(), f.generatorMbPerCpuSecond()),
                    String.format("bare CommonMark %.1f MB per CPU-second", f.commonmarkMbPerCpuSecond()),
                    String.format("%.1f× the CPU of a bare parse", f.generatorCpu() / f.commonmarkCpu()));
        }
    }

    private void notesAgainstBaseline(ContentLoad content, List<SqlCapture.Captured> sql, int creates, int clients, String label) throws Exception {
        content.creates(Integer.getInteger("notesWarmup", 50), clients); // warm-up
        CpuMeter serviceCpu = new CpuMeter(pg, "recall_content" + SUFFIX, List.of(stack.service(Service.CONTENT).process().pid()));
        Load.Result service = content.creates(creates, clients);
        double[] serviceSeconds = serviceCpu.stop();
        double jit = serviceCpu.jitSeconds();
        serviceCpu.close();
        CpuMeter baselineCpu = new CpuMeter(pg, "recall_content" + SUFFIX, List.of());
        PgBench.Result baseline = content.baseline(sql, creates, clients);
        double[] baselineSeconds = baselineCpu.stop();
        baselineCpu.close();
        cpuRow("POST /notes, " + label, creates, serviceSeconds, baselineSeconds, jit);
        if (details.indexOf("pgbench script for POST /notes") < 0) {
            details.append("\n### pgbench script for POST /notes\n```\n").append(baseline.script()).append("```\n");
        }
        row("POST /notes, " + clients + " clients, " + label, rate(service, "notes/s"), "pgbench -M prepared, same statements: " + rate(baseline),
                ratios(service, baseline));
    }

    /**
     * The same service started alone with and without its start-up archive (JDK 25's AOT cache, or AppCDS on a JDK 17),
     * alternating, so the ratio is of one run; with the start phase's JVM settings.
     */
    private void archiveComparison(LocalStack stack, Path root) {
        Service service = Service.CONTENT;
        Path app = root.resolve(service.module).resolve("target/quarkus-app");
        String archive = Runtime.version().feature() >= 25 && Files.exists(app.resolve("app.aot")) ? "AOT cache"
                : Files.exists(app.resolve("app-cds.jsa")) ? "AppCDS" : null;
        if (archive == null) {
            row("start-up archive", "none (benchmarks/run.sh builds one: deploy/local/jdk.sh)", "", "");
            return;
        }
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (boolean cds : new boolean[]{false, true}) {
                System.setProperty("recall.no-cds", Boolean.toString(!cds));
                stack.restart(service, false, Map.of());
                (cds ? with : without).add(stack.service(service).startTime().toMillis());
            }
        }
        System.clearProperty("recall.no-cds");
        double on = with.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
        double off = without.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
        row("start " + service.module + " alone with its " + archive + " (mean of 2, alternating, quick-start)", String.format("%.2f s", on),
                String.format("without it: %.2f s", off), String.format("%.2f", on / off));
    }

    /**
     * CPU per request, which the machine's load does not change much: the service's JVM and its database backends
     * against pgbench's backends for the same statements (pgbench's own client CPU is not counted). If the
     * database CPU per request matches, the baseline did the same database work; the CPU ratio is the throughput
     * ratio a machine running only this would see.
     */
    private void cpuRow(String what, int requests, double[] service, double[] baseline, double jitSeconds) {
        double serviceMs = service[0] * 1000 / requests;
        double jitMs = jitSeconds * 1000 / requests;
        double dbMs = service[1] * 1000 / requests;
        double pgbenchDbMs = baseline[1] * 1000 / requests;
        row("CPU per request, " + what, String.format("service JVM %.2f ms (of it JIT compiler threads %.2f ms) + database %.2f ms",
                        serviceMs, jitMs, dbMs),
                String.format("pgbench: database %.2f ms", pgbenchDbMs),
                String.format("%.2f CPU-bound throughput, %.2f without the JIT", pgbenchDbMs / (serviceMs + dbMs),
                        pgbenchDbMs / (serviceMs - jitMs + dbMs)));
    }

    private void section(String title, List<SqlCapture.Captured> statements) {
        details.append("\n### ").append(title).append("\n```sql\n");
        for (SqlCapture.Captured s : statements) {
            details.append(s.sql()).append(";\n");
        }
        details.append("```\n");
    }

    /** Runs the JMH cores briefly and adds their scores. */
    private void jmh(Path root) throws Exception {
        Path jar = root.resolve("benchmarks/target/benchmarks.jar");
        if (!Files.exists(jar)) {
            row("JMH", "benchmarks/target/benchmarks.jar missing", "", "");
            return;
        }
        Path out = Files.createTempFile("recall-jmh", ".json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "-f", "1", "-wi", "2", "-i", "3", "-w", "2s", "-r", "2s",
                "-rf", "json", "-rff", out.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            row("JMH", "failed (exit " + process.exitValue() + ")", "", "");
            return;
        }
        for (JsonNode result : JSON.readTree(out.toFile())) {
            String name = result.path("benchmark").asText().replace("dev.recall.benchmarks.", "");
            JsonNode metric = result.path("primaryMetric");
            row("JMH " + name + paramsOf(result), String.format("%.1f %s", metric.path("score").asDouble(), metric.path("scoreUnit").asText()), "", "");
        }
    }

    private static String paramsOf(JsonNode result) {
        JsonNode params = result.path("params");
        if (params.isMissingNode() || params.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        params.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
        return " (" + String.join(", ", parts) + ")";
    }

    void row(String what, String recall, String baseline, String ratio) {
        table.add(new String[]{what, recall, baseline, ratio});
        System.out.println("[bench] " + what + ": " + recall + (baseline.isEmpty() ? "" : " | " + baseline) + (ratio.isEmpty() ? "" : " | " + ratio));
    }

    private static String rate(Load.Result r, String unit) {
        return String.format("%.0f %s, p50 %.1f ms, p99 %.1f ms", r.rate(), unit, r.p50Ms(), r.p99Ms());
    }

    private static String rate(PgBench.Result r) {
        return String.format("%.0f tps, p50 %.1f ms, p99 %.1f ms", r.tps(), r.p50Ms(), r.p99Ms());
    }

    private static String ratios(Load.Result service, PgBench.Result baseline) {
        return String.format("%.2f throughput, %.1f× p99", service.rate() / baseline.tps(), service.p99Ms() / baseline.p99Ms());
    }

    static String latency(Load.Result r) {
        return String.format("p50 %.1f ms, p99 %.1f ms", r.p50Ms(), r.p99Ms());
    }

    private static String seconds(Duration d) {
        return String.format("%.2f s", d.toMillis() / 1000.0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }
}
