package dev.recall.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.testing.Postgres;
import dev.recall.testing.ProjectRoot;
import dev.recall.testing.Tokens;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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
 * Load driver for content-service, run against the local stack: (1) POST /notes throughput and latency against
 * pgbench running the statements one create makes, with the same concurrency; (2) search latency over
 * 100,000 notes of one tenant (bulk-seeded in SQL, plus the notes of step 1).
 */
public final class ContentLoad {

    private static final String TENANT = "bench-content";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] BODIES = {
            "# 装饰器\n\n装饰器是一个接收函数并返回新函数的可调用对象。\n\n- 日志\n- 缓存\n",
            "# 深拷贝\n\n深拷贝会递归复制容器及其所有元素，浅拷贝只复制外层。\n",
            "# Garbage collection\n\nReference counting frees objects at once; the generational collector finds cycles.\n",
            "# Decorators\n\nA decorator wraps a function to add behaviour without changing its code.\n",
    };

    public static void main(String[] args) throws Exception {
        int creates = Integer.getInteger("creates", 2_000);
        int notes = Integer.getInteger("notes", 100_000);
        int concurrency = Integer.getInteger("concurrency", 8);
        String content = System.getProperty("content", "http://localhost:8081");
        Tokens tokens = Tokens.fromPem(ProjectRoot.find().resolve(".local/jwt/privateKey.pem"));
        String author = tokens.token(TENANT, "bench-author", Duration.ofHours(2), "author", "learner");
        Postgres pg = Postgres.fromEnvironment();
        try (Connection db = pg.connect("recall_content"); Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM note_version WHERE note_id IN (SELECT id FROM note WHERE tenant = '" + TENANT + "')");
        } catch (Exception e) {
            // versions are immutable by trigger: reruns simply add to the tenant
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Histogram post = new Histogram(3_600_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < creates) {
                    String body = JSON.writeValueAsString(Map.of("title", "Bench note " + i, "markdown", BODIES[i % BODIES.length],
                            "tags", List.of("bench", "t" + (i % 10)), "visibility", "tenant"));
                    long start = System.nanoTime();
                    LoadHttp.send(http, HttpRequest.newBuilder(URI.create(content + "/api/v1/notes")).header("Authorization", "Bearer " + author)
                            .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
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
        double serviceRate = creates / ((System.nanoTime() - begin) / 1e9);
        pool.shutdown();
        System.out.printf("POST /notes, %d notes, %d clients: %.0f notes/s, p50 %.2f ms, p99 %.2f ms%n", creates, concurrency, serviceRate,
                post.getValueAtPercentile(50) / 1000.0, post.getValueAtPercentile(99) / 1000.0);
        double[] pgbench = pgbench(pg, creates, concurrency);
        System.out.printf("pgbench, same statements, %d clients: %.0f tps, p99 %.2f ms%n", concurrency, pgbench[0], pgbench[1]);
        System.out.printf("ratio service/pgbench: throughput %.2f, p99 %.2f%n", serviceRate / pgbench[0],
                post.getValueAtPercentile(99) / 1000.0 / pgbench[1]);

        int seeded = seed(pg, notes);
        System.out.printf("tenant %s now holds %d notes%n", TENANT, seeded);
        String[] queries = {"装饰器", "深拷贝", "decorator", "garbage collection", "函数", "reference"};
        Histogram search = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < 600; i++) {
            String q = queries[i % queries.length];
            long start = System.nanoTime();
            LoadHttp.send(http, HttpRequest.newBuilder(URI.create(content + "/api/v1/search?limit=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + author).build());
            if (i >= 100) { // the first 100 warm up
                search.recordValue((System.nanoTime() - start) / 1_000);
            }
        }
        System.out.printf("GET /search over %d notes (zh and en queries, 500 sequential): p50 %.2f ms, p99 %.2f ms%n", seeded,
                search.getValueAtPercentile(50) / 1000.0, search.getValueAtPercentile(99) / 1000.0);
    }

    /** Tops the tenant up to {@code notes} notes with generated English text, indexed as the service indexes it. */
    private static int seed(Postgres pg, int notes) throws Exception {
        try (Connection db = pg.connect("recall_content"); Statement sql = db.createStatement()) {
            var rows = sql.executeQuery("SELECT count(*) FROM note WHERE tenant = '" + TENANT + "'");
            rows.next();
            int have = rows.getInt(1);
            if (have < notes) {
                sql.execute("INSERT INTO note (id, tenant, author_id, title, markdown, tags, visibility, version, created_at, updated_at, search_vector) "
                        + "SELECT gen_random_uuid(), '" + TENANT + "', 'bench-author', 'Seeded note ' || n, body, ARRAY['seed'], 'tenant', 1, now(), now(), "
                        + "setweight(to_tsvector('english', 'Seeded note ' || n), 'A') || setweight(to_tsvector('english', body), 'C') "
                        + "FROM (SELECT n, 'Topic ' || (n % 997) || ': ' || (ARRAY['indexes speed up lookups', 'caches keep fresh responses', "
                        + "'threads share memory', 'queues decouple services', 'garbage collection reclaims memory'])[1 + n % 5] "
                        + "|| ' and words ' || md5(n::text) AS body FROM generate_series(1, " + (notes - have) + ") n) seed");
                sql.execute("ANALYZE note");
            }
            return Math.max(have, notes);
        }
    }

    private static double[] pgbench(Postgres pg, int transactions, int clients) throws IOException, InterruptedException {
        String script = """
                \\set n random(1, 2000000000)
                BEGIN;
                SELECT status FROM idempotency_key WHERE tenant = 'bench-pg' AND user_id = 'a' AND key = md5(random()::text);
                INSERT INTO note (id, tenant, author_id, title, markdown, tags, visibility, version, created_at, updated_at)
                  VALUES (md5(:n || '-' || :client_id)::uuid, 'bench-pg', 'a', 'Bench note', repeat('text ', 30), ARRAY['bench', 't1'], 'tenant', 1, now(), now());
                INSERT INTO note_version (note_id, version, change, title, markdown, tags, visibility, edited_by, created_at)
                  VALUES (md5(:n || '-' || :client_id)::uuid, 1, 'created', 'Bench note', repeat('text ', 30), ARRAY['bench', 't1'], 'tenant', 'a', now());
                UPDATE note SET search_vector = setweight(to_tsvector('english', 'Bench note'), 'A') || setweight(to_tsvector('english', 'bench t1'), 'B')
                  || setweight(to_tsvector('english', repeat('text ', 30) || ' 装饰 饰器'), 'C') WHERE id = md5(:n || '-' || :client_id)::uuid;
                INSERT INTO outbox_event (event_id, topic, record_key, payload) VALUES (gen_random_uuid()::text, 'content.notes.v1', 'k', repeat('x', 900));
                INSERT INTO idempotency_key (tenant, user_id, key, request_hash, status, body, location)
                  VALUES ('bench-pg', 'a', gen_random_uuid()::text, 'h', 201, repeat('x', 600), '/api/v1/notes/x');
                COMMIT;
                """;
        return PgBench.run(pg, "recall_content", script, transactions, clients);
    }
}
