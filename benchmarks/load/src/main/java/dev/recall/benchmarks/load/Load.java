package dev.recall.benchmarks.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs requests from a fixed number of clients, as pgbench does, and records each one's latency. */
final class Load {

    /** Requests per second over the whole run, and latency percentiles in milliseconds. */
    record Result(double rate, double p50Ms, double p99Ms) {
    }

    private Load() {
    }

    /** Calls {@code request} with 0..requests-1, spread over {@code clients} threads. */
    static Result closedLoop(int requests, int clients, IntConsumer request) throws Exception {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long start = System.nanoTime();
                    request.accept(i);
                    synchronized (latency) {
                        latency.recordValue((System.nanoTime() - start) / 1_000);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(requests / seconds, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0);
    }

    /** {@code warmup} unrecorded then {@code requests} recorded calls, one at a time. */
    static Result sequential(int warmup, int requests, IntConsumer request) {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < warmup; i++) {
            request.accept(i);
        }
        long begin = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            request.accept(warmup + i);
            latency.recordValue((System.nanoTime() - start) / 1_000);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(requests / seconds, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0);
    }
}
