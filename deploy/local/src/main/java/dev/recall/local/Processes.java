package dev.recall.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The process and file chores of the local stack: the services' JVM command line, stopping, ports, logs. */
final class Processes {

    private Processes() {
    }

    /**
     * The service's JVM: serial GC and a small heap (one service needs well under 100 MiB of live data), and the
     * class-data archive (AppCDS) that {@code run.sh}'s build makes, when there is one for this JVM: it saves
     * loading and verifying some ten thousand classes at every start. Run from the app's directory, because
     * the archive records the class path as the build saw it.
     */
    static List<String> javaCommand(Path app) {
        // One service's live data stays under ~100 MiB (quiz-service's Chinese dictionary is most of it).
        // -Drecall.heap=768m: another maximum heap, for measuring what the small one costs (benchmarks/README.md);
        // -Drecall.gc=ParallelGC likewise another collector (the services started while it is set).
        // -Drecall.young=64m: a young generation of that fixed size (-Xmn), for the benchmark's load phase
        // (PerformanceRun): the initial heap then holds it and 16 MiB of old generation, because the JVM shrinks
        // a young generation to fit an initial heap smaller than it (which -Xmn in JAVA_TOOL_OPTIONS met: -Xms16m).
        String young = System.getProperty("recall.young", "").strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + (young.isEmpty() ? "16m" : (mebibytes(young) + 16) + "m"), "-Xmx" + System.getProperty("recall.heap", "256m"),
                "-XX:+Use" + System.getProperty("recall.gc", "SerialGC"),
                "-Dvertx.disableURIValidation=true")); // targets java.net.URI refuses get a problem from RequestGuard, not a bare 400
        if (!young.isEmpty()) {
            command.add("-Xmn" + mebibytes(young) + "m");
        }
        if (Boolean.getBoolean("recall.quick-start")) {
            // A developer's stack and the end-to-end tests: C1 only, which halves the CPU of a start on two cores
            // (most of it is C2 compiling start-up code that never runs again), and a heap kept tight after each
            // collection (RSS ~200 MiB). Both cost peak speed (more collections around quiz-service's dictionary),
            // which is what the benchmarks measure, so they leave these off.
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        }
        boolean quiz = app.getParent().getParent().getFileName().toString().equals("quiz-service");
        if (quiz && !Boolean.getBoolean("recall.quick-start") && !Boolean.getBoolean("recall.tiered")) {
            // quiz-service at full JIT: C2 alone. With tiered compilation the generator's methods kept moving between
            // C1 and C2 (hundreds of deoptimisations a minute), and the compiler threads took ~0.25 s of CPU per 1 MB
            // note after warm-up; without it, the generator alone on 1 MB notes, alternating in one session
            // (2026-12-04, AMD host, GeneratorCpu): process CPU 0.42-0.62 instead of 0.67-0.76 s per note, wall
            // 1.03-1.39x faster. -Drecall.tiered=true: tiered compilation back, for measuring.
            command.add("-XX:-TieredCompilation");
        }
        if (Boolean.getBoolean("recall.aot-training") && Runtime.version().feature() >= 25) {
            // A training run (AotTraining): the JVM records what this run loads, links and profiles, and writes
            // the AOT cache when it exits (it cannot read one at the same time).
            command.add("-XX:AOTCacheOutput=" + AotTraining.OUTPUT);
        } else if (Runtime.version().feature() >= 25 && !Boolean.getBoolean("recall.no-cds") && AotTraining.isCurrent(app)) {
            // The AOT cache of a training run on this build (AotTraining): the classes a start and the first
            // requests use, loaded and linked, with their method profiles; about half the CPU of a start with
            // the build's cache below, and the first requests find their classes already there.
            command.add("-XX:AOTCache=" + AotTraining.CACHE);
            if (quiz && !Boolean.getBoolean("recall.quick-start")
                    && !Boolean.getBoolean("recall.aot-replay")) {
                // quiz-service at full JIT only: with the training run's method profiles replayed (the generator
                // trained on small notes), POST /api/v1/generate on a 1 MB note cost 1.6x the CPU of the generator
                // alone after 30-40 warm-up requests; without them 1.1-1.3x (benchmarks/load, same build, 2026-12-03).
                // The cache's loaded and linked classes stay. -Drecall.aot-replay=true: the replay back, for measuring.
                command.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining"));
            }
        } else if (Files.exists(app.resolve("app.aot")) && Runtime.version().feature() >= 25 && !Boolean.getBoolean("recall.no-cds")) {
            // JDK 25's AOT cache (JEP 483/515) as Quarkus makes it at package time, from the classes of its
            // build-time start only; a JDK 17 would refuse the flag, so it is only passed to a 25.
            command.add("-XX:AOTCache=app.aot");
        } else if (Files.exists(app.resolve("app-cds.jsa")) && !Boolean.getBoolean("recall.no-cds")) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
            command.add("-Xshare:auto");
        }
        String jfr = System.getProperty("recall.jfr"); // -Drecall.jfr=DIR: a JFR profile of every service, written when it stops
        if (jfr != null) {
            // Deep stacks: the reactive chains of a request run 100-200 frames deep, and JFR's default of 64
            // cut most samples off above the code that made them.
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(jfr).toAbsolutePath().resolve(app.getParent().getParent().getFileName() + "-" + System.nanoTime() + ".jfr"));
        }
        command.add("-jar");
        command.add("quarkus-run.jar");
        return command;
    }

    /** A size in MiB written as {@code 64}, {@code 64m} or {@code 1g}. */
    static long mebibytes(String size) {
        String digits = size.strip().toLowerCase(java.util.Locale.ROOT);
        long factor = digits.endsWith("g") ? 1024 : 1;
        digits = digits.endsWith("m") || digits.endsWith("g") ? digits.substring(0, digits.length() - 1) : digits;
        return Long.parseLong(digits) * factor;
    }

    static void stopProcess(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: Quarkus shuts down gracefully
            if (!process.waitFor(25, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    static boolean portFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 0, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resident memory of a process in MiB, from /proc (0 where unavailable). */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
