package dev.recall.progress;

import dev.recall.events.EventCodec;
import dev.recall.events.ItemEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.testing.DatabaseOutage;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/** progress-service's item consumer under faults, against the real broker and database. */
@QuarkusTest
class ItemPipelineFaultTests {

    static final Tokens TOKENS = TestKeys.tokens();
    static final String DATABASE = "recall_progress_test" + Postgres.testDatabaseSuffix();

    static String bootstrap() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    static List<ItemEvents.Item> items(String noteId, String part, int count) {
        return IntStream.range(0, count).mapToObj(i -> new ItemEvents.Item(noteId + "-" + part + "-" + i, "BASIC",
                "Question " + part + i + "?", List.of("Answer " + i), null, List.of("Heading"), null, List.of("faults"))).toList();
    }

    static void send(String noteId, Object data) {
        KafkaTestClient.send(bootstrap(), Topics.ITEMS, noteId, EventCodec.toJson(EventCodec.envelope("/quiz-service", noteId, "acme",
                (dev.recall.events.EventData) data, Instant.now())));
    }

    static void enroll(String token, String noteId) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", noteId))
                .when().post("/api/v1/enrollments").then().statusCode(201);
    }

    static void awaitDue(String token, int expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/reviews/due").then().statusCode(200).body("", hasSize(expected)));
    }

    static List<ConsumerRecord<String, String>> deadLetters(String key, Duration wait) {
        return KafkaTestClient.read(bootstrap(), Topics.deadLetter(Topics.ITEMS), wait,
                        seen -> seen.stream().anyMatch(r -> key.equals(r.key())))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    /** A fresh learner enrolled in a fresh note of tenant acme by alice. */
    private record Enrolled(String learner, String noteId) {
    }

    /** Enrols a fresh learner in a fresh note; with {@code items > 0} publishes that many items as version 1 and waits for their cards. */
    private static Enrolled enrolled(int items) {
        Enrolled e = new Enrolled(TOKENS.learner("acme", "l-" + UUID.randomUUID()), UUID.randomUUID().toString());
        enroll(e.learner(), e.noteId());
        if (items > 0) {
            send(e.noteId(), new ItemEvents.ItemsUpserted(e.noteId(), "acme", "alice", "tenant", null, 1, items(e.noteId(), "v1", items)));
            awaitDue(e.learner(), items);
        }
        return e;
    }

    @Test
    void aDatabaseOutageWhileItemsArriveDelaysTheCardsButLosesNone() throws Exception {
        Enrolled e = enrolled(0);
        String learner = e.learner();
        String noteId = e.noteId();
        try (DatabaseOutage outage = DatabaseOutage.begin(Postgres.fromEnvironment(), DATABASE)) {
            send(noteId, new ItemEvents.ItemsUpserted(noteId, "acme", "alice", "tenant", null, 1, items(noteId, "a", 3)));
            Thread.sleep(1_500);
            outage.terminateSessions();
        }
        awaitDue(learner, 3);
        assertThat(deadLetters(noteId, Duration.ofSeconds(3))).as("a valid event is never dead-lettered").isEmpty();
    }

    @Test
    void theItemsOfANoteSplitOverSeveralEventsAllGetCardsAndRetiringTouchesOnlyTheNamedOnes() {
        Enrolled e = enrolled(1);
        String learner = e.learner();
        String noteId = e.noteId();
        // Version 2 in three parts: two upserts and the retirement of the item version 2 dropped.
        send(noteId, new ItemEvents.ItemsUpserted(noteId, "acme", "alice", "tenant", null, 2, items(noteId, "p1", 2)));
        send(noteId, new ItemEvents.ItemsUpserted(noteId, "acme", "alice", "tenant", null, 2, items(noteId, "p2", 2)));
        send(noteId, new ItemEvents.ItemsRetired(noteId, "acme", 2, List.of(noteId + "-v1-0")));
        awaitDue(learner, 4);
        List<String> prompts = given().auth().oauth2(learner).when().get("/api/v1/reviews/due").then().extract().path("prompt");
        assertThat(prompts).containsExactlyInAnyOrder("Question p10?", "Question p11?", "Question p20?", "Question p21?");
    }

    @Test
    void aSchemaInvalidItemEventIsDeadLetteredAndChangesNothing() {
        Enrolled e = enrolled(1);
        String learner = e.learner();
        String noteId = e.noteId();
        // An item without answers parses, but the schema requires at least one.
        String broken = EventCodec.toJson(EventCodec.envelope("/quiz-service", noteId, "acme", new ItemEvents.ItemsUpserted(noteId,
                "acme", "alice", "tenant", null, 2, List.of(new ItemEvents.Item(noteId + "-b-0", "BASIC", "Broken?", List.of(), null,
                        List.of(), null, List.of()))), Instant.now()));
        KafkaTestClient.send(bootstrap(), Topics.ITEMS, noteId, broken);
        List<ConsumerRecord<String, String>> dead = deadLetters(noteId, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("schema").contains("answers");
        awaitDue(learner, 1);
    }
}
