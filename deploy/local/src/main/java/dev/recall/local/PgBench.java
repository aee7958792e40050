package dev.recall.local;

import dev.recall.testing.Postgres;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The baseline of the load drivers: pgbench running the SQL one request makes, with the same concurrency. */
final class PgBench {

    private PgBench() {
    }

    /** Runs {@code script} {@code transactions} times over {@code clients} connections; returns [tps, p99 ms]. */
    static double[] run(Postgres pg, String database, String script, int transactions, int clients) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("recall-pgbench");
        Path file = dir.resolve("transaction.sql");
        Files.writeString(file, script);
        List<String> command = List.of("pgbench", "-n", "-h", pg.host(), "-p", String.valueOf(pg.port()), "-U", pg.user(),
                "-c", String.valueOf(clients), "-j", "2", "-t", String.valueOf(Math.max(1, transactions / clients)),
                "-f", file.toString(), "-l", "--log-prefix=" + dir.resolve("log"), database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (pg.password() != null && !pg.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", pg.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        double tps = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("tps = ")) {
                tps = Double.parseDouble(line.substring(6).split(" ")[0]);
            }
        }
        // Per-transaction logs: the third field is the latency in microseconds.
        Histogram latency = new Histogram(3_600_000_000L, 3);
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("log")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    latency.recordValue(Long.parseLong(line.split(" ")[2]));
                }
            }
        }
        return new double[]{tps, latency.getValueAtPercentile(99) / 1000.0};
    }
}
