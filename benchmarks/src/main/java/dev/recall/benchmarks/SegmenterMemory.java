package dev.recall.benchmarks;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.WordDictionary;
import com.huaban.analysis.jieba.viterbi.FinalSeg;
import dev.recall.quiz.generation.language.Segmenter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap retained and load time of the Chinese segmenter's parts, measured in one JVM one after the other: jieba's
 * HMM model ({@code FinalSeg}, used by both), Recall's compact dictionary ({@link Segmenter#warmUp()}) and jieba's
 * own dictionary ({@code WordDictionary}, which {@code new JiebaSegmenter()} loads). Heap is the used heap after
 * repeated {@code System.gc()} before and after each load, so run it with the serial collector for stable
 * figures: {@code java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar dev.recall.benchmarks.SegmenterMemory
 * [compact|jieba|both]} (one part alone gives a cold load time, as at a service's start, and the process's RSS
 * with that part; run it with the services' heap flags, {@code -Xms16m -Xmx256m}, to see what it adds to theirs).
 */
public final class SegmenterMemory {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private SegmenterMemory() {
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "both";
        long base = settledHeap();
        measure("jieba HMM model (FinalSeg)", FinalSeg::getInstance, base);
        if (!which.equals("jieba")) {
            measure("compact dictionary (Segmenter.warmUp)", Segmenter::warmUp, settledHeap());
        }
        if (!which.equals("compact")) {
            measure("jieba dictionary (WordDictionary)", () -> {
                WordDictionary.getInstance();
                new JiebaSegmenter().process("预热", JiebaSegmenter.SegMode.INDEX);
            }, settledHeap());
        }
        System.out.printf("[SegmenterMemory] heap used at the end %.1f MB (%.1f MB before any part), heap committed %.1f MB, RSS %s%n",
                settledHeap() / 1e6, base / 1e6, MEMORY.getHeapMemoryUsage().getCommitted() / 1e6, residentSetSize());
    }

    private static void measure(String part, Runnable load, long before) {
        long start = System.nanoTime();
        load.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = settledHeap();
        System.out.printf("[SegmenterMemory] %s: loaded in %d ms, retains %.1f MB of heap%n", part, millis, (after - before) / 1e6);
    }

    /** VmRSS from /proc/self/status (Linux), or "?" elsewhere. */
    private static String residentSetSize() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).strip()).findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long settledHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
