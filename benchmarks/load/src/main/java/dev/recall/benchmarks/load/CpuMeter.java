package dev.recall.benchmarks.load;

import dev.recall.launchers.Postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds spent by given processes and by the PostgreSQL backends of one database while a load runs, from
 * /proc (so only where the benchmark, the services and the database share a machine). On a shared, overloaded
 * machine throughput mostly says how much CPU the scheduler handed out; CPU per request says what the work costs.
 * Backends that come and go (pgbench's) are sampled every 50 ms, so each one's last sample counts.
 */
final class CpuMeter implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Postgres pg;
    private final String database;
    private final List<Long> processes;
    private final Map<Long, Long> processStart = new HashMap<>();
    private final Map<Long, Long> backendFirst = new HashMap<>();
    private final Map<Long, Long> backendLast = new HashMap<>();
    /** JIT compiler threads of the given processes (by thread id): ticks when first and last seen. */
    private final Map<Long, Long> jitFirst = new HashMap<>();
    private final Map<Long, Long> jitLast = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    CpuMeter(Postgres pg, String database, List<Long> processes) {
        this.pg = pg;
        this.database = database;
        this.processes = processes;
        for (long pid : processes) {
            processStart.put(pid, ticks(pid));
        }
        sampleBackends(true);
        sampleJit(true);
        sampler = new Thread(() -> {
            while (running) {
                sampleBackends(false);
                sampleJit(false);
                LocalSleep.sleep(50);
            }
        }, "cpu-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    private Connection connection;

    private synchronized void sampleBackends(boolean first) {
        try {
            if (connection == null) {
                connection = pg.connect(database);
            }
            try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                while (rows.next()) {
                    long pid = rows.getLong(1);
                    long t = ticks(pid);
                    if (t < 0) {
                        continue;
                    }
                    if (first) {
                        backendFirst.put(pid, t);
                    } else {
                        backendFirst.putIfAbsent(pid, 0L); // a backend started during the load: all of its CPU counts
                    }
                    backendLast.put(pid, t);
                }
            }
        } catch (Exception e) {
            // a sample lost; the next one counts
        }
    }

    /**
     * The JVM's compiler threads (C1/C2 CompilerThread), sampled like the backends: on a short run on two busy cores
     * the JIT is a large part of a service's CPU, and it is a cost of warming up, not of a request.
     */
    private synchronized void sampleJit(boolean first) {
        for (long pid : processes) {
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String comm;
                    try {
                        comm = Files.readString(task.resolve("comm")).strip();
                    } catch (Exception e) {
                        continue;
                    }
                    if (!comm.contains("CompilerThre")) {
                        continue;
                    }
                    long tid = Long.parseLong(task.getFileName().toString());
                    long t = taskTicks(task);
                    if (t < 0) {
                        continue;
                    }
                    if (first) {
                        jitFirst.put(tid, t);
                    } else {
                        jitFirst.putIfAbsent(tid, 0L);
                    }
                    jitLast.put(tid, t);
                }
            } catch (Exception e) {
                // a sample lost; the next one counts
            }
        }
    }

    /** CPU seconds of the given processes' JIT compiler threads since the meter started (part of {@link #stop()}'s first figure). */
    synchronized double jitSeconds() {
        long ticks = 0;
        for (var e : jitLast.entrySet()) {
            ticks += Math.max(0, e.getValue() - jitFirst.getOrDefault(e.getKey(), 0L));
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long taskTicks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return -1;
        }
    }

    /** [CPU seconds of the given processes, CPU seconds of the database's backends] since the meter started. */
    synchronized double[] stop() {
        running = false;
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleBackends(false);
        sampleJit(false);
        long processTicks = 0;
        for (long pid : processes) {
            processTicks += Math.max(0, ticks(pid) - processStart.get(pid));
        }
        long backendTicks = 0;
        for (var e : backendLast.entrySet()) {
            backendTicks += Math.max(0, e.getValue() - backendFirst.getOrDefault(e.getKey(), 0L));
        }
        return new double[]{processTicks / TICKS_PER_SECOND, backendTicks / TICKS_PER_SECOND};
    }

    /** utime + stime of a process in clock ticks, or -1 when it is gone or unreadable. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of stat(5)
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    private static final class LocalSleep {
        static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
