package dev.recall.testing.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The number of rows in every table of a service's database, to show that refused requests changed nothing.
 * The platform's bookkeeping tables are left out: the outbox relay and the consumers change them in the
 * background whatever the requests under test do.
 */
public final class RowCounts {

    private static final List<String> BOOKKEEPING = List.of("flyway_schema_history", "outbox_event", "processed_event",
            "dead_letter", "outbox_dead_letter");

    private final String jdbcUrl;
    private final String user;
    private String query;

    public RowCounts(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    public Map<String, Long> snapshot() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, System.getenv().getOrDefault("PGPASSWORD", ""));
             Statement statement = connection.createStatement()) {
            if (query == null) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                    while (rs.next()) {
                        if (BOOKKEEPING.stream().noneMatch(rs.getString(1)::startsWith)) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
                query = tables.isEmpty() ? "SELECT 'none', 0" : String.join(" UNION ALL ",
                        tables.stream().map(t -> "SELECT '" + t + "', count(*) FROM \"" + t + "\"").toList());
            }
            Map<String, Long> counts = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery(query)) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows in " + jdbcUrl, e);
        }
    }
}
