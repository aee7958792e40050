package dev.recall.content;

import dev.recall.launchers.Postgres;
import io.quarkus.test.junit.QuarkusTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@QuarkusTest
class TenancyTests {

    /** Rows of every table of the service; for the outbox the last id handed out, as the relay deletes what it sent. */
    static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = Postgres.fromEnvironment().connect("recall_content_test" + Postgres.testDatabaseSuffix());
             Statement s = c.createStatement()) {
            for (String table : List.of("note", "note_version", "deck", "idempotency_key", "processed_event", "outbox_dead_letter")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox_event', 'id')), 0)")) {
                rs.next();
                counts.put("outbox_event ids", rs.getLong(1));
            }
        }
        return counts;
    }
}
