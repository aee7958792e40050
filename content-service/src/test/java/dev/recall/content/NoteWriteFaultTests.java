package dev.recall.content;

import dev.recall.events.EventCodec;
import dev.recall.events.NoteEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.testing.DatabaseOutage;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Writes at the edges: events near the size limit, concurrent retries, and the database going away. */
@QuarkusTest
class NoteWriteFaultTests {

    static final Tokens TOKENS = TestKeys.tokens();
    static final String DATABASE = "recall_content_test" + Postgres.testDatabaseSuffix();

    static String cards(int count, int answerLength) {
        return IntStream.range(0, count).mapToObj(i -> "Question " + i + "?::" + ("answer " + i + " ").repeat(answerLength / 10))
                .collect(Collectors.joining("\n")) + "\n";
    }

    static Map<String, Object> note(String title, String markdown) {
        return Map.of("title", title, "markdown", markdown, "tags", List.of("limits"), "visibility", "tenant");
    }

    @Test
    void aNoteAboveTheOldOneMebibyteLimitIsPublishedAndOneAboveTheMaximumIsRefusedWith413() {
        String author = TOKENS.author("acme", "alice");
        // 900,000 characters, mostly Chinese (3 bytes each in UTF-8): a NotePublished of about 2.7 MB, far above
        // Kafka's default 1 MiB, within Recall's 4 MiB.
        String large = cards(10, 100) + "记忆曲线与间隔重复。".repeat(90_000);
        String id = given().auth().oauth2(author).contentType(ContentType.JSON).body(note("Large", large))
                .when().post("/api/v1/notes").then().statusCode(201).extract().path("id");
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(KafkaTestResource.broker().bootstrapServers(),
                Topics.NOTES, Duration.ofSeconds(30), seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, String> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(record.value().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1024 * 1024);
        assertThat(((NoteEvents.NotePublished) EventCodec.data(EventCodec.parse(record.value()))).note().markdown()).isEqualTo(large);

        // Under the 1,000,000-character Markdown limit, but six levels of long headings make an outline whose
        // sections repeat every ancestor's title: the event would exceed 4 MiB. Refused, nothing stored.
        String heading = "h".repeat(140);
        String group = IntStream.rangeClosed(1, 6).mapToObj(level -> "#".repeat(level) + " " + heading + level)
                .collect(Collectors.joining("\n", "", "\n"));
        String tooLarge = group.repeat(950_000 / group.length());
        String title = "Too large " + UUID.randomUUID();
        given().auth().oauth2(author).contentType(ContentType.JSON).body(note(title, tooLarge))
                .when().post("/api/v1/notes").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://recall.dev/problems/event-too-large"));
        List<String> titles = given().auth().oauth2(author).queryParam("limit", 100).when().get("/api/v1/notes")
                .then().statusCode(200).extract().path("items.title");
        assertThat(titles).doesNotContain(title);
    }

    @Test
    void theSameIdempotencyKeySentConcurrentlyCreatesOneNoteAndEveryCallerGetsItsResponse() throws Exception {
        String author = TOKENS.author("acme", "carol");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = note("Concurrent " + key, "Concurrent?::one note\n");
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(author).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                            .when().post("/api/v1/notes");
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Response> response : responses) {
                Response r = response.get();
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
                ids.add(r.path("id"));
            }
            assertThat(ids).as("every caller sees the one note").containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteWhileTheDatabaseIsAwayIsA503WithRetryAfterAndChangesNothing() {
        String author = TOKENS.author("acme", "dave");
        String title = "During outage " + UUID.randomUUID();
        try (DatabaseOutage ignored = DatabaseOutage.begin(Postgres.fromEnvironment(), DATABASE)) {
            given().auth().oauth2(author).contentType(ContentType.JSON).body(note(title, "Outage?::503\n"))
                    .when().post("/api/v1/notes").then().log().ifValidationFails().statusCode(503).header("Retry-After", notNullValue())
                    .contentType("application/problem+json");
        }
        List<String> titles = given().auth().oauth2(author).queryParam("limit", 100).when().get("/api/v1/notes")
                .then().statusCode(200).extract().path("items.title");
        assertThat(titles).doesNotContain(title);
    }
}
