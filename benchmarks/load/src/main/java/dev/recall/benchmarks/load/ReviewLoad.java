package dev.recall.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.launchers.Postgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Load driver for progress-service: seeds one learner with many cards straight into its database, then measures
 * GET /reviews/due latency and POST /reviews against pgbench running the statements one review really made.
 */
final class ReviewLoad {

    static final String TENANT = "bench";
    static final String USER = "bench-learner";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String progressUrl;
    private final String learner;
    private final Postgres pg;
    private final String database;
    private List<UUID> dueCards = List.of();
    private int cards;

    ReviewLoad(String progressUrl, String learner, Postgres pg, String database) {
        this.progressUrl = progressUrl;
        this.learner = learner;
        this.pg = pg;
        this.database = database;
    }

    /** One learner with {@code cards} review cards, a fifth of them due; the rest due within a year. */
    void seed(int cards) throws Exception {
        this.cards = cards;
        try (Connection db = pg.connect(database); Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM review_log WHERE tenant = 'bench'");
            sql.execute("DELETE FROM card WHERE tenant = 'bench'");
            sql.execute("DELETE FROM item_projection WHERE tenant = 'bench'");
            sql.execute("DROP TABLE IF EXISTS bench_card");
            sql.execute("INSERT INTO item_projection (item_id, tenant, note_id, author_id, visibility, type, prompt, answers, note_version, updated_at) "
                    + "SELECT 'bench-item-' || n, 'bench', 'bench-note-' || (n / 50), 'bench-author', 'tenant', 'BASIC', "
                    + "'Bench question ' || n || '?', ARRAY['answer ' || n], 1, now() FROM generate_series(1, " + cards + ") n");
            sql.execute("CREATE TABLE bench_card (n INT PRIMARY KEY, id UUID NOT NULL)");
            sql.execute("INSERT INTO bench_card SELECT n, gen_random_uuid() FROM generate_series(1, " + cards + ") n");
            sql.execute("INSERT INTO card (id, tenant, user_id, item_id, state, due, stability, difficulty, scheduled_days, reps, last_review, created_at) "
                    + "SELECT b.id, 'bench', '" + USER + "', 'bench-item-' || b.n, 'REVIEW', "
                    + "CASE WHEN b.n % 5 = 0 THEN now() - interval '1 hour' * (b.n % 48) ELSE now() + interval '1 hour' * (b.n % 8760) END, "
                    + "10, 5, 10, 3, now() - interval '10 days', now() - interval '30 days' FROM bench_card b");
            sql.execute("ANALYZE card");
            sql.execute("ANALYZE item_projection");
            List<UUID> due = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT b.id FROM bench_card b WHERE b.n % 5 = 0 ORDER BY b.n")) {
                while (rows.next()) {
                    due.add(rows.getObject(1, UUID.class));
                }
            }
            dueCards = due;
        }
    }

    int dueCount() {
        return dueCards.size();
    }

    private void due(int ignored) {
        LoadHttp.send(http, HttpRequest.newBuilder(URI.create(progressUrl + "/api/v1/reviews/due?limit=50"))
                .header("Authorization", "Bearer " + learner).build());
    }

    Load.Result dueQueue(int warmup, int requests) {
        return Load.sequential(warmup, requests, this::due);
    }

    List<String> explainDue() throws Exception {
        return Explain.analyze(pg, database, SqlCapture.capture(pg, database, () -> due(0)));
    }

    private void review(UUID card) {
        LoadHttp.send(http, HttpRequest.newBuilder(URI.create(progressUrl + "/api/v1/reviews"))
                .header("Authorization", "Bearer " + learner).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(toJson(Map.of("cardId", card.toString(), "rating", 3)))).build());
    }

    /** The statements of one review (of the last due cards, which the load below does not reach). */
    List<SqlCapture.Captured> capture() throws Exception {
        int[] call = {0};
        List<SqlCapture.Captured> statements = SqlCapture.capture(pg, database, () -> review(dueCards.get(dueCards.size() - 1 - call[0]++)));
        captured = dueCards.get(dueCards.size() - 2);
        capturedItem = "bench-item-" + 5 * (dueCards.size() - 1); // due cards are the seeded n = 5, 10, 15, ...
        return statements;
    }

    private UUID captured;
    private String capturedItem;

    Load.Result reviews(int requests, int clients) throws Exception {
        int total = Math.min(requests, dueCards.size() - 2);
        return Load.closedLoop(total, clients, i -> review(dueCards.get(i)));
    }

    /** pgbench on the captured statements; each transaction works on a random one of the seeded cards. */
    PgBench.Result baseline(List<SqlCapture.Captured> statements, int transactions, int clients) throws Exception {
        // The service writes the whole card row back (Hibernate updates every column), item id included.
        String script = PgBench.script(statements, Map.of(captured.toString(), "card", capturedItem, "item"),
                List.of("\\set n random(1, " + cards + ")", "SELECT id AS card, 'bench-item-' || n AS item FROM bench_card WHERE n = :n \\gset"));
        return PgBench.run(pg, database, script, transactions, clients);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
