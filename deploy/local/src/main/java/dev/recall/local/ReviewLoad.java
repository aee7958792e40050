package dev.recall.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.testing.Postgres;
import dev.recall.testing.ProjectRoot;
import dev.recall.testing.Tokens;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load driver for progress-service, run against the local stack (deploy/local/run.sh in another terminal):
 * seeds one learner with many cards straight into recall_progress, then measures
 * (1) GET /reviews/due latency, (2) POST /reviews throughput and latency, and (3) pgbench running the same
 * SQL transaction a review makes, with the same concurrency, as the baseline.
 */
public final class ReviewLoad {

    private static final String TENANT = "bench";
    private static final String USER = "bench-learner";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int cards = Integer.getInteger("cards", 100_000);
        int requests = Integer.getInteger("requests", 4_000);
        int concurrency = Integer.getInteger("concurrency", 8);
        String progress = System.getProperty("progress", "http://localhost:8083");
        Path root = ProjectRoot.find();
        Tokens tokens = Tokens.fromPem(root.resolve(".local/jwt/privateKey.pem"));
        String token = tokens.token(TENANT, USER, Duration.ofHours(2), "learner");
        Postgres pg = Postgres.fromEnvironment();

        List<UUID> dueCards = seed(pg, cards);
        System.out.printf("seeded %d cards for %s (%d due now)%n", cards, USER, dueCards.size());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Histogram due = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < 300; i++) { // warm-up
            LoadHttp.send(http, HttpRequest.newBuilder(URI.create(progress + "/api/v1/reviews/due?limit=50")).header("Authorization", "Bearer " + token).build());
        }
        for (int i = 0; i < 1_000; i++) {
            long start = System.nanoTime();
            LoadHttp.send(http, HttpRequest.newBuilder(URI.create(progress + "/api/v1/reviews/due?limit=50")).header("Authorization", "Bearer " + token).build());
            due.recordValue((System.nanoTime() - start) / 1_000);
        }
        System.out.printf("GET /reviews/due?limit=50 with %d cards: p50 %.2f ms, p99 %.2f ms (1,000 sequential requests)%n",
                cards, due.getValueAtPercentile(50) / 1000.0, due.getValueAtPercentile(99) / 1000.0);

        int total = Math.min(requests, dueCards.size());
        Histogram post = new Histogram(3_600_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    String body = toJson(Map.of("cardId", dueCards.get(i).toString(), "rating", 3));
                    long start = System.nanoTime();
                    LoadHttp.send(http, HttpRequest.newBuilder(URI.create(progress + "/api/v1/reviews"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                    synchronized (post) {
                        post.recordValue((System.nanoTime() - start) / 1_000);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        double serviceTps = total / seconds;
        System.out.printf("POST /reviews, %d requests, %d clients: %.0f reviews/s, p50 %.2f ms, p99 %.2f ms%n", total, concurrency,
                serviceTps, post.getValueAtPercentile(50) / 1000.0, post.getValueAtPercentile(99) / 1000.0);

        double[] pgbench = pgbench(pg, cards, total, concurrency);
        System.out.printf("pgbench, same transaction, %d clients: %.0f tps, p99 %.2f ms%n", concurrency, pgbench[0], pgbench[1]);
        System.out.printf("ratio service/pgbench: throughput %.2f, p99 %.2f%n", serviceTps / pgbench[0],
                post.getValueAtPercentile(99) / 1000.0 / pgbench[1]);
    }

    /** One learner with {@code cards} review cards, a fifth of them due; the rest due within a year. */
    private static List<UUID> seed(Postgres pg, int cards) throws Exception {
        try (Connection db = pg.connect("recall_progress"); Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM review_log WHERE tenant = 'bench'");
            sql.execute("DELETE FROM card WHERE tenant = 'bench'");
            sql.execute("DELETE FROM item_projection WHERE tenant = 'bench'");
            sql.execute("DELETE FROM idempotency_key WHERE tenant = 'bench'");
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
            return due;
        }
    }

    /** Runs pgbench with the statements one review makes; returns [tps, p99 ms]. */
    private static double[] pgbench(Postgres pg, int cards, int transactions, int clients) throws IOException, InterruptedException {
        String script = """
                \\set n random(1, %d)
                BEGIN;
                SELECT status FROM idempotency_key WHERE tenant = 'bench' AND user_id = '%s' AND key = md5(random()::text);
                SELECT * FROM learner_settings WHERE tenant = 'bench' AND user_id = '%s';
                SELECT c.* FROM card c JOIN bench_card b ON b.id = c.id WHERE b.n = :n AND c.tenant = 'bench' AND c.user_id = '%s' FOR UPDATE OF c;
                INSERT INTO review_log (id, tenant, user_id, card_id, rating, source, reviewed_at, state_before, due_before, state_after, due_after, stability, difficulty, scheduled_days, card_before)
                  SELECT gen_random_uuid(), 'bench', '%s', b.id, 3, 'pgbench', now(), 'REVIEW', now(), 'REVIEW', now() + interval '20 days', 20, 5, 20, '{"state":"REVIEW"}' FROM bench_card b WHERE b.n = :n;
                UPDATE card SET due = now() + interval '20 days', stability = 20, scheduled_days = 20, reps = reps + 1, last_review = now() WHERE id = (SELECT id FROM bench_card WHERE n = :n);
                INSERT INTO outbox_event (event_id, topic, record_key, payload) VALUES (gen_random_uuid()::text, 'progress.reviews.v1', 'k', repeat('x', 400));
                INSERT INTO idempotency_key (tenant, user_id, key, request_hash, status, body, location) VALUES ('bench', '%s', gen_random_uuid()::text, 'h', 201, repeat('x', 250), '/api/v1/reviews/x');
                COMMIT;
                """.formatted(cards, USER, USER, USER, USER, USER);
        return PgBench.run(pg, "recall_progress", script, transactions, clients);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
