package dev.recall.benchmarks.load;

import dev.recall.launchers.Postgres;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures the SQL one request really issues, from the PostgreSQL server log: turns on {@code log_statement}
 * for one database only, makes the service reconnect (so its sessions pick the setting up), runs the request
 * once to warm up and once to capture, and reads back what the service's own (Vert.x) connections executed,
 * with their bound parameters. The outbox relay's JDBC connection is left out: it runs asynchronously, in
 * batches. pg_stat_statements would need {@code shared_preload_libraries} and a server restart; this does not.
 */
final class SqlCapture {

    /** One statement with its parameters already inlined as SQL literals. */
    record Captured(String sql) {
    }

    private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    private static final Pattern PID = Pattern.compile("\\[(\\d+)]");
    private static final Pattern STATEMENT = Pattern.compile("LOG:\\s+(?:statement|execute [^:]*):\\s(.*)", Pattern.DOTALL);
    private static final Pattern PARAMETERS = Pattern.compile("DETAIL:\\s+parameters:\\s(.*)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)(?!\\d)");

    private SqlCapture() {
    }

    /**
     * Runs {@code request} twice and returns the statements of the second run, in order. Throws when the server
     * log cannot be read (the message says why); the caller then has no honest baseline to offer.
     */
    static List<Captured> capture(Postgres pg, String database, Runnable request) throws Exception {
        Path log = serverLog(pg);
        try (Connection admin = pg.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " SET log_statement = 'all'");
            try {
                reconnect(sql, database);
                request.run();
                long offset = Files.size(log);
                request.run();
                Thread.sleep(300);
                List<Captured> statements = parse(read(log, offset), database, otherPids(sql, database));
                if (statements.isEmpty()) {
                    throw new IllegalStateException("the server log " + log + " shows no statement of " + database);
                }
                return statements;
            } finally {
                sql.execute("ALTER DATABASE " + database + " RESET log_statement");
                reconnect(sql, database);
            }
        }
    }

    /** The server's log file: pg_current_logfile() with the collector on, else the postmaster's stderr. */
    private static Path serverLog(Postgres pg) throws SQLException, IOException {
        try (Connection db = pg.connect("postgres"); Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT pg_current_logfile(), current_setting('data_directory')")) {
                rows.next();
                String current = rows.getString(1);
                String dataDir = rows.getString(2);
                if (current != null) {
                    Path file = Path.of(current).isAbsolute() ? Path.of(current) : Path.of(dataDir, current);
                    if (Files.isReadable(file)) {
                        return file;
                    }
                }
                Path pidFile = Path.of(dataDir, "postmaster.pid");
                if (Files.isReadable(pidFile)) {
                    String pid = Files.readAllLines(pidFile).get(0).strip();
                    Path stderr = Path.of("/proc", pid, "fd", "2").toRealPath();
                    if (Files.isRegularFile(stderr) && Files.isReadable(stderr)) {
                        return stderr;
                    }
                }
            }
        }
        throw new IllegalStateException("cannot read the PostgreSQL server log (turn on logging_collector, or run the benchmark "
                + "on the database server's machine as a user that may read its log)");
    }

    /** Ends the service's sessions on {@code database}; its pools open new ones, which read the database's settings. */
    private static void reconnect(Statement sql, String database) throws SQLException, InterruptedException {
        sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
        Thread.sleep(500);
    }

    /** Sessions on the database that are not the service's reactive pool: the outbox relay's JDBC connection, ours. */
    private static Set<Integer> otherPids(Statement sql, String database) throws SQLException {
        Set<Integer> pids = new HashSet<>();
        try (ResultSet rows = sql.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + database
                + "' AND (application_name LIKE 'PostgreSQL JDBC%' OR pid = pg_backend_pid())")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    private static String read(Path log, long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(offset, file.length()));
            byte[] bytes = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Statements (with their DETAIL parameters inlined) on the given database, in log order, except those of {@code excluded} sessions. */
    static List<Captured> parse(String logText, String database, Set<Integer> excluded) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : logText.split("\n", -1)) {
            if (ENTRY_START.matcher(line).find()) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append('\n').append(line.startsWith("\t") ? line.substring(1) : line);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        List<Captured> statements = new ArrayList<>();
        String pending = null;
        for (String entry : entries) {
            String head = entry.length() > 200 ? entry.substring(0, 200) : entry;
            if (!head.contains("@" + database + " ") && !head.contains(" " + database + " ")) {
                continue;
            }
            Matcher pid = PID.matcher(head);
            if (pid.find() && excluded.contains(Integer.parseInt(pid.group(1)))) {
                continue;
            }
            Matcher statement = STATEMENT.matcher(entry);
            Matcher parameters = PARAMETERS.matcher(entry);
            if (statement.find()) {
                if (pending != null) {
                    statements.add(new Captured(pending.strip()));
                }
                pending = statement.group(1);
            } else if (parameters.find() && pending != null) {
                statements.add(new Captured(inline(pending, parameters.group(1)).strip()));
                pending = null;
            }
        }
        if (pending != null) {
            statements.add(new Captured(pending.strip()));
        }
        return statements;
    }

    /** Replaces $n with the literal the server logged for it. */
    static String inline(String sql, String parameterList) {
        List<String> values = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(parameterList);
        while (parameter.find()) {
            int index = Integer.parseInt(parameter.group(1));
            while (values.size() < index) {
                values.add(null);
            }
            values.set(index - 1, parameter.group(2));
        }
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String value = index <= values.size() && values.get(index - 1) != null ? values.get(index - 1) : placeholder.group();
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
