package dev.recall.testing;

import dev.recall.launchers.Postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database that is away for a while, as after a failover or a network cut: while open, the database
 * accepts no new connections (for superusers neither) and its existing sessions are terminated.
 * {@link #close()} lets connections in again.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final Postgres postgres;
    private final String database;
    private boolean over;

    private DatabaseOutage(Postgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    public static DatabaseOutage begin(Postgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        DatabaseOutage outage = new DatabaseOutage(postgres, database);
        outage.run("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
        return outage;
    }

    /** Cuts the sessions that are open right now once more (e.g. ones that raced the first cut). */
    public void terminateSessions() {
        run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
    }

    @Override
    public synchronized void close() {
        if (!over) {
            run("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            over = true;
        }
    }

    private void run(String... statements) {
        try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database outage of " + database + ": " + e.getMessage(), e);
        }
    }
}
