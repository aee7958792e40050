package dev.recall.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.events.EventCodec;
import dev.recall.events.Topics;
import dev.recall.launchers.Tokens;
import dev.recall.testing.DatabaseOutage;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.TestKeys;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small fault driver: runs the whole stack on its own ports and databases, writes notes at a steady rate
 * (each with an Idempotency-Key, retried like a careful client on 503 and connection errors), injects one
 * fault per phase, and afterwards accounts for every note: accepted writes, rows, events, duplicates, lost,
 * client-visible errors and the pipeline's recovery time (the slowest note → items of the phase).
 *
 * <pre>./mvnw -pl deploy/local -am package -DskipTests
 * java -cp "deploy/local/target/test-classes:deploy/local/target/classes:deploy/local/target/test-lib/*" dev.recall.local.FaultDriver</pre>
 *
 * <p>It lives with the tests because it is one: it signs with the test key pair and injects faults.
 */
public final class FaultDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PHASE = Duration.ofSeconds(20);

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String author;
    private final String learner;
    private final String tag = "faults-" + UUID.randomUUID().toString().substring(0, 8);

    /** One note the writer tried to create. */
    private static final class Write {
        final String phase;
        final String key = UUID.randomUUID().toString();
        final String prompt;
        final long startedNanos = System.nanoTime();
        volatile String noteId;
        volatile int attempts;
        volatile int errors;
        volatile long acceptedNanos;
        volatile long itemsNanos;
        volatile String finalError;

        Write(String phase, int n) {
            this.phase = phase;
            this.prompt = "Fault note " + n + " (" + phase + ")?";
        }
    }

    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private volatile String phase = "warm-up";

    private FaultDriver(LocalStack stack, Tokens tokens) {
        this.stack = stack;
        this.author = tokens.author("faults", "author");
        this.learner = tokens.learner("faults", "learner");
    }

    public static void main(String[] args) throws Exception {
        try (LocalStack stack = TestStacks.start("faults", "_faults", 1)) {
            new FaultDriver(stack, TestKeys.tokens()).run();
        }
    }

    private void run() throws Exception {
        request("POST", stack.url(Service.PROGRESS) + "/api/v1/enrollments", learner, Map.of("kind", "tag", "target", tag), null);
        Thread writer = new Thread(this::writeLoop, "fault-writer");
        Thread checker = new Thread(this::checkLoop, "fault-checker");
        writer.start();
        checker.start();
        Map<String, Runnable> faults = new LinkedHashMap<>();
        faults.put("kill -9 content-service", () -> stack.restart(Service.CONTENT, true, Map.of()));
        faults.put("kill -9 quiz-service", () -> stack.restart(Service.QUIZ, true, Map.of()));
        faults.put("kill -9 progress-service", () -> stack.restart(Service.PROGRESS, true, Map.of()));
        faults.put("broker restart (SIGKILL)", () -> stack.restartBroker(true));
        faults.put("database connections dropped", this::dropConnections);
        faults.put("poison records", this::poison);
        faults.put("SIGTERM quiz-service under load", () -> stack.restart(Service.QUIZ, false, Map.of()));
        faults.put("SIGTERM content-service under load", () -> stack.restart(Service.CONTENT, false, Map.of()));
        sleep(Duration.ofSeconds(10));
        for (var fault : faults.entrySet()) {
            phase = fault.getKey();
            System.out.println("[faults] " + phase);
            sleep(Duration.ofSeconds(3));
            long start = System.nanoTime();
            fault.getValue().run();
            System.out.printf("[faults]   injected in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            sleep(PHASE);
        }
        phase = "cool-down";
        sleep(Duration.ofSeconds(5));
        writing.set(false);
        writer.join();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && writes.stream().anyMatch(w -> w.noteId != null && w.itemsNanos == 0)) {
            sleep(Duration.ofMillis(500));
        }
        checker.interrupt();
        report();
    }

    private void writeLoop() {
        AtomicInteger n = new AtomicInteger();
        while (writing.get()) {
            Write write = new Write(phase, n.incrementAndGet());
            writes.add(write);
            Thread t = new Thread(() -> create(write));
            t.start();
            sleep(Duration.ofMillis(200));
        }
    }

    /** POSTs one note; retries the same Idempotency-Key on 5xx and connection errors for up to 60 s. */
    private void create(Write write) {
        Map<String, Object> body = Map.of("title", write.prompt, "visibility", "tenant", "tags", List.of(tag),
                "markdown", write.prompt + "::answer " + write.key + "\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            write.attempts++;
            try {
                HttpResponse<String> response = send("POST", stack.url(Service.CONTENT) + "/api/v1/notes", author, body, write.key);
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    write.noteId = JSON.readTree(response.body()).path("id").asText();
                    write.acceptedNanos = System.nanoTime();
                    return;
                }
                write.errors++;
                write.finalError = "HTTP " + response.statusCode();
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                write.errors++;
                write.finalError = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** Marks the time each accepted note's item shows up in quiz-service. */
    private void checkLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            for (Write write : writes) {
                if (write.noteId != null && write.itemsNanos == 0) {
                    try {
                        HttpResponse<String> response = send("GET", stack.url(Service.QUIZ) + "/api/v1/items?note=" + write.noteId, learner, null, null);
                        if (response.statusCode() == 200 && JSON.readTree(response.body()).path("items").size() > 0) {
                            write.itemsNanos = System.nanoTime();
                        }
                    } catch (IOException ignored) {
                        // quiz-service restarting
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void dropConnections() {
        // About a second without any database for every service, their open connections cut.
        List<DatabaseOutage> outages = new ArrayList<>();
        for (Service service : Service.values()) {
            outages.add(DatabaseOutage.begin(stack.postgres(), service.database + "_faults"));
        }
        sleep(Duration.ofSeconds(1));
        outages.forEach(DatabaseOutage::close);
    }

    private void poison() {
        String bootstrap = stack.bootstrapServers();
        KafkaTestClient.send(bootstrap, Topics.NOTES, "poison-1", "{not json");
        KafkaTestClient.send(bootstrap, Topics.NOTES, "poison-2", "{\"specversion\":\"1.0\",\"id\":\"p2\",\"source\":\"/x\","
                + "\"type\":\"dev.recall.content.NotePublished\",\"tenant\":\"faults\",\"data\":{\"note\":{\"markdown\":null}}}");
        KafkaTestClient.send(bootstrap, Topics.ITEMS, "poison-3", "{\"specversion\":\"1.0\",\"id\":\"p3\",\"source\":\"/x\","
                + "\"type\":\"dev.recall.quiz.ItemsUpserted\",\"tenant\":\"faults\",\"data\":{\"items\":null}}");
    }

    private void report() {
        String bootstrap = stack.bootstrapServers();
        Set<String> ids = writes.stream().map(w -> w.noteId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, List<String>> noteEvents = eventsByKey(bootstrap, Topics.NOTES, ids);
        Map<String, List<String>> itemEvents = eventsByKey(bootstrap, Topics.ITEMS, ids);
        Map<String, Integer> cards = cardsByNote();
        Map<String, Long> rows = new HashMap<>();
        try (var c = stack.postgres().connect(Service.CONTENT.database + "_faults");
             var s = c.prepareStatement("SELECT id::text, count(*) FROM note GROUP BY id"); var rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        } catch (Exception e) {
            System.out.println("[faults] cannot count rows: " + e.getMessage());
        }
        Map<String, Long> dlq = new HashMap<>();
        for (String topic : List.of(Topics.NOTES, Topics.ITEMS)) {
            dlq.put(topic, (long) KafkaTestClient.read(bootstrap, Topics.deadLetter(topic), Duration.ofSeconds(5), seen -> false).size());
        }
        System.out.println();
        System.out.println("| fault | writes tried | accepted | client-visible errors (retried) | failed writes | rows | note events | "
                + "duplicate events | items (lost) | cards (lost) | recovery: slowest note → items |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<Write>> byPhase = writes.stream().collect(Collectors.groupingBy(w -> w.phase, LinkedHashMap::new, Collectors.toList()));
        for (var entry : byPhase.entrySet()) {
            List<Write> phaseWrites = entry.getValue();
            List<Write> accepted = phaseWrites.stream().filter(w -> w.noteId != null).toList();
            long errors = phaseWrites.stream().mapToLong(w -> w.errors).sum();
            long failed = phaseWrites.stream().filter(w -> w.noteId == null).count();
            long rowCount = accepted.stream().mapToLong(w -> rows.getOrDefault(w.noteId, 0L)).sum();
            long events = accepted.stream().mapToLong(w -> noteEvents.getOrDefault(w.noteId, List.of()).stream().distinct().count()).sum();
            long duplicates = accepted.stream().mapToLong(w -> {
                List<String> all = noteEvents.getOrDefault(w.noteId, List.of());
                List<String> items = itemEvents.getOrDefault(w.noteId, List.of());
                return (all.stream().distinct().count() > 1 ? all.stream().distinct().count() - 1 : 0)
                        + (items.stream().distinct().count() > 1 ? items.stream().distinct().count() - 1 : 0);
            }).sum();
            long withItems = accepted.stream().filter(w -> w.itemsNanos > 0).count();
            long withCards = accepted.stream().filter(w -> cards.getOrDefault(w.noteId, 0) > 0).count();
            long duplicateCards = accepted.stream().filter(w -> cards.getOrDefault(w.noteId, 0) > 1).count();
            long slowest = accepted.stream().filter(w -> w.itemsNanos > 0).mapToLong(w -> (w.itemsNanos - w.startedNanos) / 1_000_000).max().orElse(-1);
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %d (%d) | %d (%d%s) | %s |%n", entry.getKey(), phaseWrites.size(),
                    accepted.size(), errors, failed, rowCount, events, duplicates, withItems, accepted.size() - withItems,
                    withCards, accepted.size() - withCards, duplicateCards > 0 ? ", " + duplicateCards + " duplicated" : "",
                    slowest < 0 ? "-" : String.format("%.1f s", slowest / 1000.0));
        }
        System.out.println();
        System.out.println("[faults] dead letters: " + dlq + " (3 poison records were sent)");
    }

    private static Map<String, List<String>> eventsByKey(String bootstrap, String topic, Set<String> keys) {
        Map<String, List<String>> byKey = new ConcurrentHashMap<>();
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(bootstrap, topic, Duration.ofSeconds(15), seen -> false);
        for (ConsumerRecord<String, String> record : records) {
            if (keys.contains(record.key())) {
                try {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(EventCodec.parse(record.value()).id());
                } catch (RuntimeException ignored) {
                    // not an event
                }
            }
        }
        return byKey;
    }

    private Map<String, Integer> cardsByNote() {
        Map<String, Integer> cards = new HashMap<>();
        try (var c = stack.postgres().connect(Service.PROGRESS.database + "_faults");
             var s = c.prepareStatement("SELECT i.note_id, count(*) FROM card c JOIN item_projection i ON i.item_id = c.item_id GROUP BY i.note_id");
             var rs = s.executeQuery()) {
            while (rs.next()) {
                cards.put(rs.getString(1), rs.getInt(2));
            }
        } catch (Exception e) {
            System.out.println("[faults] cannot count cards: " + e.getMessage());
        }
        return cards;
    }

    private HttpResponse<String> send(String method, String url, String token, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void request(String method, String url, String token, Object body, String key) throws Exception {
        HttpResponse<String> response = send(method, url, token, body, key);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
