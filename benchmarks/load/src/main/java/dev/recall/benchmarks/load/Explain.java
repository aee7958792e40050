package dev.recall.benchmarks.load;

import dev.recall.launchers.Postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** EXPLAIN (ANALYZE, BUFFERS) of the captured SELECTs, so the output shows which index each request uses. */
final class Explain {

    private Explain() {
    }

    static List<String> analyze(Postgres pg, String database, List<SqlCapture.Captured> statements) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection db = pg.connect(database); Statement sql = db.createStatement()) {
            for (SqlCapture.Captured statement : statements) {
                String text = statement.sql().strip();
                if (!text.regionMatches(true, 0, "select", 0, 6) && !text.regionMatches(true, 0, "with", 0, 4)) {
                    continue;
                }
                out.add("EXPLAIN (ANALYZE, BUFFERS) " + text);
                try (ResultSet rows = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + text)) {
                    while (rows.next()) {
                        out.add("  " + rows.getString(1));
                    }
                }
            }
        }
        return out;
    }
}
