package dev.recall.benchmarks;

import dev.recall.quiz.generation.Generator;
import dev.recall.quiz.generation.NoteInput;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The generator's cost per MB, in wall-clock time and in CPU time, next to a bare CommonMark parse of the same 1 MB
 * notes as {@link GeneratorBenchmark}, measured alternately in one JVM: on a shared, loaded machine wall-clock
 * throughput says how much CPU the scheduler handed out, CPU time per operation says what the work costs, and the
 * ratio of the two measured side by side is what stays comparable between runs. CPU time is that of all Java
 * threads (the generator works on a big note's sections in parallel on the common pool), in nanoseconds; the
 * collector's and the JIT compiler's own threads are not Java threads and are left out, as before (the process's CPU
 * time, which has them, and the bytes allocated per operation are printed too: with a small serial-collector heap
 * the collections are a large part of the cost). Prints, per note, the median and best of each, MB/s wall and MB per
 * CPU-second, the ratios to the bare parse, and a SHA-256 of the generated items and drops (so two builds can be
 * checked for byte-identical output). Run from the project root:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.recall.benchmarks.GeneratorCpu [rounds]}.
 */
public final class GeneratorCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The whole process's CPU time (collector and JIT threads included) and the bytes threads allocate: HotSpot's own beans. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;

    private GeneratorCpu() {
    }

    /** Median and best seconds per operation, from {@code rounds} timed runs. */
    public record Seconds(double median, double best) {
        static Seconds of(double[] seconds) {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            return new Seconds(sorted[sorted.length / 2], sorted[0]);
        }
    }

    /** One note's figures: generator and bare parse, wall and CPU seconds per operation, and the note's size in MB. */
    public record Figures(String note, double megabytes, int items, Seconds generatorWall, Seconds generatorCpu,
                          Seconds commonmarkWall, Seconds commonmarkCpu, Seconds generatorProcessCpu, double allocatedMb, String digest) {
        public double generatorMbPerSecond() {
            return megabytes / generatorWall.median();
        }

        public double generatorMbPerCpuSecond() {
            return megabytes / generatorCpu.median();
        }

        /** How many times the bare parse's wall-clock time the generator takes. */
        public double wallRatio() {
            return generatorWall.median() / commonmarkWall.median();
        }

        /** How many times the bare parse's CPU time the generator takes. */
        public double cpuRatio() {
            return generatorCpu.median() / commonmarkCpu.median();
        }

        @Override
        public String toString() {
            return String.format("%s (%.3f MB, %d items): generator %.3f s wall/op (best %.3f) = %.2f MB/s, %.3f s CPU/op "
                            + "(best %.3f) = %.2f MB per CPU-s; bare CommonMark %.4f s wall = %.1f MB/s, %.4f s CPU = %.1f MB per CPU-s; "
                            + "generator/CommonMark %.1f× wall, %.1f× CPU; process CPU (collector and JIT included) %.3f s/op; "
                            + "allocated %.0f MB/op; output %s",
                    note, megabytes, items, generatorWall.median(), generatorWall.best(), generatorMbPerSecond(),
                    generatorCpu.median(), generatorCpu.best(), generatorMbPerCpuSecond(),
                    commonmarkWall.median(), megabytes / commonmarkWall.median(), commonmarkCpu.median(),
                    megabytes / commonmarkCpu.median(), wallRatio(), cpuRatio(), generatorProcessCpu.median(), allocatedMb, digest);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        for (Figures f : measure(rounds)) {
            System.out.println("[GeneratorCpu] " + f);
        }
    }

    /** The Markdown and the pasted plain-text benchmark notes, each measured {@code rounds} times after warm-up. */
    public static List<Figures> measure(int rounds) throws Exception {
        Generator generator = new Generator();
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create())).build();
        List<Figures> figures = new ArrayList<>();
        for (NoteInput note : GeneratorBenchmark.notes()) {
            Generator.Result result = generator.run(note);
            for (int warm = 0; warm < Math.max(3, rounds / 2); warm++) {
                generator.run(note);
                parser.parse(note.markdown());
            }
            double[] genWall = new double[rounds];
            double[] genCpu = new double[rounds];
            double[] bareWall = new double[rounds];
            double[] bareCpu = new double[rounds];
            double[] processCpu = new double[rounds];
            double[] allocated = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long p0 = PROCESS.getProcessCpuTime();
                long a0 = allocatedBytes();
                long c0 = javaThreadsCpu();
                long w0 = System.nanoTime();
                generator.run(note);
                long w1 = System.nanoTime();
                long c1 = javaThreadsCpu();
                allocated[round] = (allocatedBytes() - a0) / 1e6;
                processCpu[round] = (PROCESS.getProcessCpuTime() - p0) / 1e9;
                parser.parse(note.markdown());
                long w2 = System.nanoTime();
                long c2 = javaThreadsCpu();
                genWall[round] = (w1 - w0) / 1e9;
                genCpu[round] = (c1 - c0) / 1e9;
                bareWall[round] = (w2 - w1) / 1e9;
                bareCpu[round] = (c2 - c1) / 1e9;
            }
            figures.add(new Figures(note.noteId(), note.markdown().getBytes(StandardCharsets.UTF_8).length / 1e6,
                    result.items().size(), Seconds.of(genWall), Seconds.of(genCpu), Seconds.of(bareWall), Seconds.of(bareCpu),
                    Seconds.of(processCpu), Seconds.of(allocated).median(), digest(result)));
        }
        return figures;
    }

    /** CPU nanoseconds of every live Java thread (a thread that ended in between would be missed: pool threads stay). */
    private static long javaThreadsCpu() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            sum += Math.max(0, cpu);
        }
        return sum;
    }

    /** Bytes allocated so far by every live Java thread. */
    private static long allocatedBytes() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            sum += Math.max(0, ALLOCATION.getThreadAllocatedBytes(id));
        }
        return sum;
    }

    /** SHA-256 (first 16 hex digits) of the items and drops as their records print. */
    static String digest(Generator.Result result) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(result.items().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(result.dropped().toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
