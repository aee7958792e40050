package dev.recall.launchers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL server tests and the local stack use: 127.0.0.1:5432 as user postgres unless the usual
 * PGHOST / PGPORT / PGUSER / PGPASSWORD variables say otherwise.
 */
public record Postgres(String host, int port, String user, String password) {

    public static Postgres fromEnvironment() {
        return new Postgres(
                env("PGHOST", "127.0.0.1"),
                Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"),
                env("PGPASSWORD", ""));
    }

    /** Appended to test database names ({@code RECALL_TEST_DB_SUFFIX}, letters, digits and _ only). */
    public static String testDatabaseSuffix() {
        String suffix = env("RECALL_TEST_DB_SUFFIX", "");
        if (!suffix.matches("[a-z0-9_]*")) {
            throw new IllegalArgumentException("RECALL_TEST_DB_SUFFIX may hold only a-z, 0-9 and _: " + suffix);
        }
        return suffix;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public boolean reachable() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Drops {@code database} if it exists (disconnecting its sessions) and creates it empty. */
    public void recreateDatabase(String database) {
        requireSafeName(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + database + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code database} unless it exists; keeps its data. */
    public void ensureDatabase(String database) {
        requireSafeName(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static void requireSafeName(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
    }
}
