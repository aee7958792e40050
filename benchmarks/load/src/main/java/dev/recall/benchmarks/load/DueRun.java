package dev.recall.benchmarks.load;

import dev.recall.launchers.ProjectRoot;
import dev.recall.launchers.Tokens;
import dev.recall.local.LocalStack;
import dev.recall.local.Service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The due queue's row of the benchmark (GET /reviews/due over one learner's 100,000 cards, sequential), with what
 * says where its tail comes from: the young collections of progress-service during the 1,000 requests (jstat; the
 * longest pause from its GC log when the service was started with one) and the service's own latency histogram
 * (Micrometer's {@code http_server_requests_seconds}), to tell the service's time from the client's.
 *
 * <p>{@code -Donly=due} runs it alone, and {@code -DdueVariants=label|app-dir|jvm-options;...} measures several
 * builds or JVM settings of progress-service alternating in one run ({@code -DdueRounds} rounds, default 2): each
 * variant restarts the service from {@code app-dir} (empty: this checkout's build) with {@code jvm-options} in
 * {@code JAVA_TOOL_OPTIONS}, warms it up ({@code -DdueWarmup}, default 2,000) and measures. A {@code -Drecall.*}
 * option among them is the launcher's instead, set while that variant starts (the heap options are on the
 * service's command line, which JAVA_TOOL_OPTIONS cannot override): {@code -Drecall.young=64m}, or
 * {@code -Drecall.young=} for none.
 */
final class DueRun {

    interface Rows {
        void row(String what, String recall, String baseline, String ratio);
    }

    private record Variant(String label, String app, String jvm) {
    }

    private static final int REQUESTS = 1_000;
    private static final String URI_TAG = "uri=\"/api/v1/reviews/due\"";
    private static final Pattern BUCKET = Pattern.compile("le=\"([^\"]+)\"}\\s+(\\S+)");
    private static final Pattern PAUSE = Pattern.compile("GC\\((\\d+)\\) Pause .* (\\d+\\.\\d+)ms");

    private final LocalStack stack;
    private final Tokens tokens;
    private final String suffix;
    private final Rows rows;
    private final StringBuilder details;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path gcLog;

    DueRun(LocalStack stack, Tokens tokens, String suffix, Rows rows, StringBuilder details) {
        this.stack = stack;
        this.tokens = tokens;
        this.suffix = suffix;
        this.rows = rows;
        this.details = details;
    }

    /** -Donly=due: seeds, then measures each variant in turn, round after round, and prints the queue's plans. */
    void run(int cards) throws Exception {
        ReviewLoad review = new ReviewLoad(stack.url(Service.PROGRESS), tokens.token(ReviewLoad.TENANT, ReviewLoad.USER,
                Duration.ofHours(3), "learner"), stack.postgres(), "recall_progress" + suffix);
        review.seed(cards);
        List<Variant> variants = new ArrayList<>();
        for (String spec : System.getProperty("dueVariants", "||").split(";")) {
            String[] parts = (spec + "||").split("\\|", -1);
            variants.add(new Variant(parts[0].strip(), parts[1].strip(), parts[2].strip()));
        }
        if (variants.size() > 1) {
            // Builds copied elsewhere do not match the class path their AOT cache recorded: none gets one.
            System.setProperty("recall.no-cds", "true");
        }
        int rounds = Integer.getInteger("dueRounds", variants.size() > 1 ? 2 : 1);
        int warmup = Integer.getInteger("dueWarmup", 2_000);
        Path root = ProjectRoot.find();
        Path app = root.resolve(Service.PROGRESS.module).resolve("target/quarkus-app");
        Path built = app.resolveSibling("quarkus-app.built");
        Path logs = Files.createDirectories(root.resolve(".local/bench/due"));
        try {
            for (int round = 1; round <= rounds; round++) {
                for (Variant variant : variants) {
                    if (variants.size() > 1) {
                        link(app, built, variant.app().isEmpty() ? built : Path.of(variant.app()));
                    }
                    gcLog = logs.resolve("gc-" + (variant.label().isEmpty() ? "service" : variant.label()) + "-" + round + ".log");
                    Files.deleteIfExists(gcLog);
                    StringBuilder jvm = new StringBuilder("-Xlog:gc:file=" + gcLog);
                    Map<String, String> launcher = new TreeMap<>();
                    for (String option : variant.jvm().split("\\s+")) {
                        if (option.startsWith("-Drecall.")) {
                            String[] nameValue = (option.substring(2) + "=").split("=", -1);
                            launcher.put(nameValue[0], nameValue[1]);
                        } else if (!option.isEmpty()) {
                            jvm.append(' ').append(option);
                        }
                    }
                    restart(launcher, jvm.toString());
                    String label = variant.label().isEmpty() ? "" : variant.label() + " (" + (variant.jvm().isEmpty() ? "" : variant.jvm() + ", ")
                            + "round " + round + "), ";
                    measure(review, cards, warmup, label);
                }
            }
        } finally {
            if (Files.isSymbolicLink(app)) {
                Files.delete(app);
                Files.move(built, app);
            }
        }
        details.append("\n### Due queue plans\n```\n").append(String.join("\n", review.explainDue())).append("\n```\n");
    }

    /** Restarts progress-service with the launcher's properties {@code launcher} set meanwhile, and {@code jvm} in JAVA_TOOL_OPTIONS. */
    private void restart(Map<String, String> launcher, String jvm) throws Exception {
        Map<String, String> before = new TreeMap<>();
        launcher.forEach((name, value) -> before.put(name, System.setProperty(name, value)));
        try {
            stack.restart(Service.PROGRESS, false, Map.of("JAVA_TOOL_OPTIONS", jvm));
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    /** Points progress-service's target/quarkus-app at {@code to}, keeping the checkout's own build as {@code built}. */
    private static void link(Path app, Path built, Path to) throws IOException {
        if (Files.isSymbolicLink(app)) {
            Files.delete(app);
        } else if (Files.isDirectory(app)) {
            Files.move(app, built);
        }
        Files.createSymbolicLink(app, to.toAbsolutePath());
    }

    /** Warms up, then one row: 1,000 sequential pages of 50 with the service's CPU, its collections and its own latency. */
    void measure(ReviewLoad review, int cards, int warmup, String label) throws Exception {
        review.dueQueue(warmup, 0);
        long pid = stack.service(Service.PROGRESS).process().pid();
        long[] gcBefore = youngCollections(pid);
        Map<Double, Double> serverBefore = serverHistogram();
        CpuMeter cpu = new CpuMeter(stack.postgres(), "recall_progress" + suffix, List.of(pid));
        Load.Result due = review.dueQueue(0, REQUESTS);
        double[] seconds = cpu.stop();
        double jit = cpu.jitSeconds();
        cpu.close();
        long[] gcAfter = youngCollections(pid);
        Map<Double, Double> serverAfter = serverHistogram();
        String gc = gcBefore == null || gcAfter == null ? "" : String.format("; young GCs %d, %.1f ms in all%s", gcAfter[0] - gcBefore[0],
                (gcAfter[1] - gcBefore[1]) / 1e3, longestPause(gcBefore[2], gcAfter[2]));
        rows.row(label + "GET /reviews/due?limit=50, " + cards + " cards of one learner (1,000 sequential)",
                PerformanceRun.latency(due) + PerformanceRun.perRequest(seconds, jit, REQUESTS) + gc + server(serverBefore, serverAfter),
                "target p99 <= 10 ms", String.format("p99 %s", due.p99Ms() <= 10 ? "met" : "missed"));
    }

    /** [young collections, their time in µs, all collections] of a JVM, from jstat; null where jstat fails. */
    private static long[] youngCollections(long pid) {
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc", Long.toString(pid))
                    .redirectErrorStream(true).start();
            List<String> lines = new String(jstat.getInputStream().readAllBytes()).lines().toList();
            if (jstat.waitFor() != 0 || lines.size() < 2) {
                return null;
            }
            List<String> names = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            long young = Long.parseLong(values[names.indexOf("YGC")]);
            long all = young + Long.parseLong(values[names.indexOf("FGC")]);
            return new long[]{young, Math.round(Double.parseDouble(values[names.indexOf("YGCT")]) * 1e6), all};
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** ", the longest x ms" over the collections numbered [from, to) in the service's GC log, if it has one. */
    private String longestPause(long from, long to) throws IOException {
        if (gcLog == null || !Files.exists(gcLog)) {
            return "";
        }
        double longest = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) >= from && Long.parseLong(m.group(1)) < to) {
                longest = Math.max(longest, Double.parseDouble(m.group(2)));
            }
        }
        return String.format(", the longest %.1f ms", longest);
    }

    /** The cumulative bucket counts of the service's own timing of GET /reviews/due, by upper bound in seconds. */
    private Map<Double, Double> serverHistogram() {
        Map<Double, Double> buckets = new TreeMap<>();
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(stack.url(Service.PROGRESS) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            metrics.body().lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{") && l.contains(URI_TAG)
                    && l.contains("status=\"200\"")).forEach(l -> {
                Matcher m = BUCKET.matcher(l);
                if (m.find()) {
                    buckets.merge(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)),
                            Double.parseDouble(m.group(2)), Double::sum);
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return buckets;
    }

    /** "; as the service timed them: p50 <= x ms, p99 <= y ms" (the histogram's bucket bounds) between two scrapes. */
    private static String server(Map<Double, Double> before, Map<Double, Double> after) {
        if (after.isEmpty()) {
            return "";
        }
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return "";
        }
        return String.format("; as the service timed them: p50 <= %s ms, p99 <= %s ms", bound(before, after, total * 0.5),
                bound(before, after, total * 0.99));
    }

    private static String bound(Map<Double, Double> before, Map<Double, Double> after, double rank) {
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= rank) {
                return bucket.getKey().isInfinite() ? "inf" : String.format("%.1f", bucket.getKey() * 1000);
            }
        }
        return "inf";
    }
}
