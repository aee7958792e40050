package dev.recall.testing;

import dev.recall.launchers.Postgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives the service under test a fresh database on the real PostgreSQL (dropped and created at start).
 * The name comes from the {@code database} init argument, plus {@code RECALL_TEST_DB_SUFFIX} if set.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        // RECALL_TEST_DB_SUFFIX lets several checkouts run their tests against one server at once.
        database = initArgs.getOrDefault("database", "recall_test") + Postgres.testDatabaseSuffix();
    }

    @Override
    public Map<String, String> start() {
        Postgres pg = Postgres.fromEnvironment();
        if (!pg.reachable()) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + pg.host() + ":" + pg.port()
                    + " (set PGHOST/PGPORT/PGUSER/PGPASSWORD). On these machines start it with: "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        }
        pg.recreateDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", pg.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", pg.user(),
                "quarkus.datasource.password", pg.password());
    }

    @Override
    public void stop() {
        // the database stays for inspection after a failed run; the next run recreates it
    }
}
