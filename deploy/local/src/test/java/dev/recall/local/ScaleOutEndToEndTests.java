package dev.recall.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.events.EventCodec;
import dev.recall.events.Topics;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.TestKeys;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of every service (one consumer group per service over the topics' partitions, one outbox relay
 * active per service): notes written through both content replicas while one replica of each service is
 * killed mid-load still make every note, its items and its cards exactly once, and every event is applied once.
 */
class ScaleOutEndToEndTests {

    static final Tokens TOKENS = TestKeys.tokens();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUFFIX = "_scale" + Postgres.testDatabaseSuffix();
    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStacks.start("scale", SUFFIX, 2);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killingOneReplicaOfEachServiceMidLoadLosesNothingAndDuplicatesNothing() throws Exception {
        String tenant = "scale";
        String author = TOKENS.author(tenant, "author-" + UUID.randomUUID());
        String learner = TOKENS.learner(tenant, "learner-" + UUID.randomUUID());
        String tag = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(learner).contentType("application/json").body(Map.of("kind", "tag", "target", tag))
                .when().post(stack.url(Service.PROGRESS) + "/api/v1/enrollments").then().statusCode(201);

        int notes = 40;
        List<String> contentUrls = stack.replicas(Service.CONTENT).stream().map(LocalStack.Running::url).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> noteIds = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            work.add(CompletableFuture.runAsync(() -> {
                int i;
                while ((i = next.getAndIncrement()) < notes) {
                    if (i == notes / 3) {
                        // Mid-load: one replica of every service dies without a chance to clean up.
                        for (Service service : Service.values()) {
                            stack.kill(service, 1);
                        }
                    }
                    String body = json(Map.of("title", "Scale " + i, "visibility", "tenant", "tags", List.of(tag),
                            "markdown", "# Scale " + i + "\n\nWhat is scale note " + i + "?::a note written under load\n"
                                    + "Which replica took note " + i + "?::either\n"));
                    noteIds.add(postWithRetry(http, contentUrls, i, author, body, UUID.randomUUID().toString(), retried));
                }
            }, clients));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
        clients.shutdown();
        assertThat(noteIds).doesNotHaveDuplicates().hasSize(notes);

        // The dead consumers' partitions move to the survivors once the group notices (session timeout).
        String progress = stack.url(Service.PROGRESS);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(count("recall_progress", "SELECT count(*) FROM card WHERE tenant = 'scale'")).isEqualTo(2L * notes));
        assertThat(count("recall_progress", "SELECT count(DISTINCT item_id) FROM card WHERE tenant = 'scale'")).isEqualTo(2L * notes);
        assertThat(given().auth().oauth2(learner).queryParam("limit", 500).when().get(progress + "/api/v1/cards")
                .then().statusCode(200).extract().<List<Object>>path("items")).hasSize(2 * notes);
        assertThat(count("recall_content", "SELECT count(*) FROM note WHERE tenant = 'scale'")).as("notes, despite retries").isEqualTo(notes);
        assertThat(count("recall_quiz", "SELECT count(*) FROM item WHERE tenant = 'scale'")).as("items").isEqualTo(2L * notes);

        // Each note was turned into items once: the items topic may hold a re-sent copy (the relay is
        // at-least-once), but never a second event made from the same note.
        List<ConsumerRecord<String, String>> items = KafkaTestClient.read(stack.bootstrapServers(), Topics.ITEMS, Duration.ofSeconds(30),
                seen -> seen.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(noteIds));
        Map<String, Long> eventsPerNote = items.stream().filter(r -> noteIds.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(r -> EventCodec.parse(r.value()).id(),
                        Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        assertThat(eventsPerNote).hasSize(notes).allSatisfy((note, events) -> assertThat(events).as("item events of " + note).isEqualTo(1L));
        for (Service service : Service.values()) {
            String db = service.database;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(count(db, "SELECT count(*) FROM outbox_event")).as(db + " outbox drained by the surviving relay").isZero());
        }
    }

    /** Like a client behind a load balancer: a replica that does not answer gets the same request (same key) elsewhere. */
    private static String postWithRetry(HttpClient http, List<String> urls, int i, String token, String body, String key, AtomicInteger retried) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String url = urls.get((i + attempt) % urls.size());
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/notes"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    return JSON.readTree(response.body()).path("id").asText();
                }
                if (response.statusCode() < 500 && response.statusCode() != 409) {
                    throw new AssertionError("POST answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                retried.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Processes.sleep(200);
        }
        throw new AssertionError("note " + i + " was not accepted by any replica");
    }

    private static long count(String database, String sql) throws Exception {
        try (Connection db = stack.postgres().connect(database + SUFFIX); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
