package dev.recall.benchmarks.load;

import dev.recall.launchers.Postgres;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of the load drivers: pgbench in prepared mode (-M prepared, as the service's client prepares its
 * statements) running exactly the statements one request made, with the same number of clients.
 */
final class PgBench {

    /** Throughput and tail latency of one pgbench run, and the script it ran. */
    record Result(double tps, double p50Ms, double p99Ms, String script) {
    }

    private static final Pattern UUID_LITERAL = Pattern.compile("'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern COLON_VARIABLE = Pattern.compile(":[A-Za-z_\\x{80}-\\x{10FFFF}]");

    private PgBench() {
    }

    /**
     * Turns captured statements into a pgbench script: every UUID literal becomes a fresh value per transaction
     * (one {@code SELECT gen_random_uuid() ... \gset} before the transaction) unless {@code fixed} names the
     * pgbench variable that stands for it (an existing row the request worked on, chosen by {@code preamble}).
     */
    static String script(List<SqlCapture.Captured> statements, Map<String, String> fixed, List<String> preamble) {
        Map<String, String> fresh = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        for (SqlCapture.Captured statement : statements) {
            Matcher uuid = UUID_LITERAL.matcher(statement.sql());
            StringBuilder out = new StringBuilder();
            while (uuid.find()) {
                String value = uuid.group(1);
                String variable = fixed.containsKey(value) ? fixed.get(value) : fresh.computeIfAbsent(value, v -> "u" + (fresh.size() + 1));
                uuid.appendReplacement(out, ":" + variable);
            }
            uuid.appendTail(out);
            String sql = out.toString();
            for (var entry : fixed.entrySet()) { // other literals that name the existing row (e.g. its item id)
                sql = sql.replace("'" + entry.getKey() + "'", ":" + entry.getValue());
            }
            body.add(protectColons(sql) + ";");
        }
        List<String> lines = new ArrayList<>(preamble);
        if (!fresh.isEmpty()) {
            List<String> columns = new ArrayList<>();
            for (String variable : fresh.values()) {
                columns.add("gen_random_uuid() AS " + variable);
            }
            lines.add("SELECT " + String.join(", ", columns) + " \\gset");
        }
        lines.addAll(body);
        return String.join("\n", lines) + "\n";
    }

    /** pgbench reads ":name" anywhere as a variable: inside string literals, write such colons as \x3a escapes. */
    static String protectColons(String sql) {
        Matcher literal = STRING_LITERAL.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (literal.find()) {
            String text = literal.group();
            int start = literal.start();
            boolean escapedAlready = start > 0 && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e');
            if (!escapedAlready && COLON_VARIABLE.matcher(text).find()) {
                String inner = text.substring(1, text.length() - 1).replace("\\", "\\\\").replace(":", "\\x3a");
                text = "E'" + inner + "'";
            }
            literal.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        literal.appendTail(out);
        return out.toString();
    }

    /** Runs {@code script} {@code transactions} times over {@code clients} connections in prepared mode. */
    static Result run(Postgres pg, String database, String script, int transactions, int clients) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("recall-pgbench");
        Path file = dir.resolve("transaction.sql");
        Files.writeString(file, script);
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-h", pg.host(), "-p", String.valueOf(pg.port()), "-U", pg.user(),
                "-c", String.valueOf(clients), "-j", "2", "-t", String.valueOf(Math.max(1, transactions / clients)),
                "-f", file.toString(), "-l", "--log-prefix=" + dir.resolve("log"), database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (pg.password() != null && !pg.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", pg.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || output.contains("aborted")) {
            throw new IllegalStateException("pgbench failed:\n" + output + "\nscript:\n" + script);
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
        return new Result(tps, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, script);
    }
}
