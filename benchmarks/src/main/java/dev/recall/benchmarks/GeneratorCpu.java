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
 * The generator's cost as thread CPU time per MB, next to a bare CommonMark parse of the same 1 MB notes as
 * {@link GeneratorBenchmark}, measured alternately in one JVM: on a shared, loaded machine wall-clock throughput
 * says how much CPU the scheduler handed out, CPU time per operation says what the work costs, and the ratio of
 * the two measured side by side is what stays comparable between runs. Prints, per note, the median and best
 * MB per CPU-second of each and their ratio, and a SHA-256 of the generated items and drops (so two builds can be
 * checked for byte-identical output). Run from the project root:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.recall.benchmarks.GeneratorCpu [rounds]}.
 */
public final class GeneratorCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GeneratorCpu() {
    }

    /** Median and best CPU seconds per operation, from {@code rounds} timed runs. */
    public record Cpu(double median, double best) {
        static Cpu of(double[] seconds) {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            return new Cpu(sorted[sorted.length / 2], sorted[0]);
        }
    }

    /** One note's figures: generator and bare parse, CPU seconds per operation, and the note's size in MB. */
    public record Figures(String note, double megabytes, int items, Cpu generator, Cpu commonmark, String digest) {
        public double generatorMbPerCpuSecond() {
            return megabytes / generator.median();
        }

        public double commonmarkMbPerCpuSecond() {
            return megabytes / commonmark.median();
        }

        public double ratio() {
            return generator.median() / commonmark.median();
        }

        @Override
        public String toString() {
            return String.format("%s (%.3f MB, %d items): generator %.3f s CPU/op (best %.3f) = %.2f MB per CPU-s; "
                            + "bare CommonMark %.4f s (best %.4f) = %.1f MB per CPU-s; generator/CommonMark %.1f×; output %s",
                    note, megabytes, items, generator.median(), generator.best(), generatorMbPerCpuSecond(),
                    commonmark.median(), commonmark.best(), commonmarkMbPerCpuSecond(), ratio(), digest);
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
            double[] gen = new double[rounds];
            double[] bare = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                generator.run(note);
                long t1 = THREADS.getCurrentThreadCpuTime();
                parser.parse(note.markdown());
                long t2 = THREADS.getCurrentThreadCpuTime();
                gen[round] = (t1 - t0) / 1e9;
                bare[round] = (t2 - t1) / 1e9;
            }
            figures.add(new Figures(note.noteId(), note.markdown().getBytes(StandardCharsets.UTF_8).length / 1e6,
                    result.items().size(), Cpu.of(gen), Cpu.of(bare), digest(result)));
        }
        return figures;
    }

    /** SHA-256 (first 16 hex digits) of the items and drops as their records print. */
    static String digest(Generator.Result result) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(result.items().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(result.dropped().toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
