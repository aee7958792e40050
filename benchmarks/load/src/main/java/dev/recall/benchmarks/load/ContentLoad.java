package dev.recall.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.launchers.Postgres;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Load driver for content-service: POST /notes against pgbench running the statements one create really made
 * (captured from the server log), with the same clients; and search latency over 100,000 notes of one tenant
 * (bulk-seeded in SQL, indexed as the service indexes).
 */
final class ContentLoad {

    static final String TENANT = "bench-content";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] BODIES = {
            "# 装饰器\n\n装饰器是一个接收函数并返回新函数的可调用对象。\n\n- 日志\n- 缓存\n",
            "# 深拷贝\n\n深拷贝会递归复制容器及其所有元素，浅拷贝只复制外层。\n",
            "# Garbage collection\n\nReference counting frees objects at once; the generational collector finds cycles.\n",
            "# Decorators\n\nA decorator wraps a function to add behaviour without changing its code.\n",
    };

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String contentUrl;
    private final String author;
    private final Postgres pg;
    private final String database;

    ContentLoad(String contentUrl, String author, Postgres pg, String database) {
        this.contentUrl = contentUrl;
        this.author = author;
        this.pg = pg;
        this.database = database;
    }

    void createNote(int i) {
        try {
            String body = JSON.writeValueAsString(Map.of("title", "Bench note " + i, "markdown", BODIES[i % BODIES.length],
                    "tags", List.of("bench", "t" + (i % 10)), "visibility", "tenant"));
            LoadHttp.send(http, HttpRequest.newBuilder(URI.create(contentUrl + "/api/v1/notes")).header("Authorization", "Bearer " + author)
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements of one note create, as the server logged them. */
    List<SqlCapture.Captured> capture() throws Exception {
        return SqlCapture.capture(pg, database, () -> createNote(0));
    }

    Load.Result creates(int creates, int clients) throws Exception {
        return Load.closedLoop(creates, clients, this::createNote);
    }

    PgBench.Result baseline(List<SqlCapture.Captured> statements, int transactions, int clients) throws Exception {
        return PgBench.run(pg, database, PgBench.script(statements, Map.of(), List.of()), transactions, clients);
    }

    /**
     * Tops the tenant up to {@code notes} notes with generated English text, indexed as the service indexes it. Each
     * note gets its own creation time, in the order the rows are written, as notes written one after another have:
     * with now() all of them had the same instant, so the newest-first index ordered them by their random ids and a
     * walk over the newest notes touched a different heap page for every note (5,024 pages for 5,000 notes).
     */
    int seed(int notes) throws Exception {
        try (Connection db = pg.connect(database); Statement sql = db.createStatement()) {
            var rows = sql.executeQuery("SELECT count(*) FROM note WHERE tenant = '" + TENANT + "'");
            rows.next();
            int have = rows.getInt(1);
            if (have < notes) {
                sql.execute("INSERT INTO note (id, tenant, author_id, title, markdown, tags, visibility, version, created_at, updated_at, search_vector) "
                        + "SELECT gen_random_uuid(), '" + TENANT + "', 'bench-author', 'Seeded note ' || n, body, ARRAY['seed'], 'tenant', 1, clock_timestamp(), clock_timestamp(), "
                        + "setweight(to_tsvector('english', 'Seeded note ' || n), 'A') || setweight(to_tsvector('english', body), 'C') "
                        + "FROM (SELECT n, 'Topic ' || (n % 997) || ': ' || (ARRAY['indexes speed up lookups', 'caches keep fresh responses', "
                        + "'threads share memory', 'queues decouple services', 'garbage collection reclaims memory'])[1 + n % 5] "
                        + "|| ' and words ' || md5(n::text) AS body FROM generate_series(1, " + (notes - have) + ") n) seed");
                sql.execute("ANALYZE note");
            }
            return Math.max(have, notes);
        }
    }

    static final String[] QUERIES = {"装饰器", "深拷贝", "decorator", "garbage collection", "函数", "reference"};

    /** The latencies (µs) of the recorded searches, per query: which of the mix make the tail. */
    final Map<String, Histogram> latencyByQuery = new LinkedHashMap<>();

    Load.Result search(int warmup, int requests) {
        return Load.sequential(warmup, requests, i -> {
            String q = QUERIES[i % QUERIES.length];
            long start = System.nanoTime();
            LoadHttp.send(http, HttpRequest.newBuilder(URI.create(contentUrl + "/api/v1/search?limit=20&q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + author).build());
            if (i >= warmup) {
                latencyByQuery.computeIfAbsent(q, k -> new Histogram(3_600_000_000L, 3)).recordValue((System.nanoTime() - start) / 1_000);
            }
        });
    }

    /** The SQL one search for {@code query} issued, as the server logged it. */
    List<SqlCapture.Captured> searchSql(String query) throws Exception {
        return SqlCapture.capture(pg, database, () -> LoadHttp.send(http, HttpRequest.newBuilder(
                        URI.create(contentUrl + "/api/v1/search?limit=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + author).build()));
    }

    /**
     * Latency (µs) of the search statement alone, sent {@code times} times over one JDBC connection with the service's
     * parameters inlined: the database's share of a request, against which the request's own latency is set.
     */
    Histogram sqlLatency(List<SqlCapture.Captured> statements, int times) throws Exception {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        try (Connection db = pg.connect(database); Statement sql = db.createStatement()) {
            for (int i = -10; i < times; i++) {
                long start = System.nanoTime();
                for (SqlCapture.Captured statement : statements) {
                    String text = statement.sql().strip();
                    if (text.regionMatches(true, 0, "select", 0, 6) || text.regionMatches(true, 0, "with", 0, 4)) {
                        try (var rows = sql.executeQuery(text)) {
                            while (rows.next()) {
                                rows.getString(1);
                            }
                        }
                    }
                }
                if (i >= 0) {
                    latency.recordValue((System.nanoTime() - start) / 1_000);
                }
            }
        }
        return latency;
    }


}
