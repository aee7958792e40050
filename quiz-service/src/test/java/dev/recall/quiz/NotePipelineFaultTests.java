package dev.recall.quiz;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.EventContract;
import dev.recall.events.ItemEvents;
import dev.recall.events.NoteEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.testing.DatabaseOutage;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The consumer side under faults, against the real broker and database: a database outage while a note is
 * processed, schema-invalid and impossible events, item sets larger than one event, and outbox rows the
 * broker refuses.
 */
@QuarkusTest
class NotePipelineFaultTests {

    static final Tokens TOKENS = TestKeys.tokens();
    static final String DATABASE = "recall_quiz_test" + Postgres.testDatabaseSuffix();

    static String bootstrap() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    static CloudEvent noteEvent(String noteId, long version, String markdown, List<String> tags) {
        var snapshot = new NoteEvents.NoteSnapshot(noteId, "acme", "alice", "Faults", markdown, tags, null,
                "en", "tenant", version, List.of(), Instant.now());
        var data = version == 1 ? new NoteEvents.NotePublished(snapshot) : new NoteEvents.NoteUpdated(snapshot);
        return EventCodec.envelope("/content-service", noteId, "acme", data, Instant.now());
    }

    static void publish(CloudEvent event) {
        KafkaTestClient.send(bootstrap(), Topics.NOTES, event.subject(), EventCodec.toJson(event));
    }

    static List<String> prompts(String noteId) {
        return given().auth().oauth2(TOKENS.learner("acme", "bob")).queryParam("note", noteId).queryParam("limit", 200)
                .when().get("/api/v1/items").then().statusCode(200).extract().path("items.prompt");
    }

    static List<ConsumerRecord<String, String>> deadLetters(String key, Duration wait) {
        return KafkaTestClient.read(bootstrap(), Topics.deadLetter(Topics.NOTES), wait,
                        seen -> seen.stream().anyMatch(r -> key.equals(r.key())))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    @Test
    void aDatabaseOutageWhileANoteIsProcessedDelaysItsItemsButLosesNone() throws Exception {
        String noteId = UUID.randomUUID().toString();
        String markdown = IntStream.rangeClosed(1, 5).mapToObj(i -> "Outage question " + i + "?::answer " + i)
                .collect(Collectors.joining("\n")) + "\n";
        String learner = TOKENS.learner("acme", "bob");
        try (DatabaseOutage outage = DatabaseOutage.begin(Postgres.fromEnvironment(), DATABASE)) {
            publish(noteEvent(noteId, 1, markdown, List.of("faults")));
            // Clients meanwhile get a 503 they may retry, not a 500.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    given().auth().oauth2(learner).queryParam("note", noteId).when().get("/api/v1/items")
                            .then().statusCode(503).header("Retry-After", notNullValue())
                            .contentType("application/problem+json"));
            Thread.sleep(1_500);
            outage.terminateSessions();
        }
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(prompts(noteId)).hasSize(5));
        assertThat(prompts(noteId)).containsExactlyInAnyOrder(IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "Outage question " + i + "?").toArray(String[]::new));
        assertThat(deadLetters(noteId, Duration.ofSeconds(3))).as("a valid event is never dead-lettered").isEmpty();
    }

    @Test
    void aSchemaInvalidEventIsDeadLetteredWithItsReasonAndTheNoteStaysAsItWas() {
        String noteId = UUID.randomUUID().toString();
        publish(noteEvent(noteId, 1, "Kept question?::kept answer\n", List.of("faults")));
        // The first test of a run also waits for the consumer to join its group.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(prompts(noteId)).containsExactly("Kept question?"));

        // Parses as a NotePublished, but markdown and tags are null and the version jumps to 99.
        CloudEvent valid = noteEvent(noteId, 99, "x", List.of());
        String broken = EventCodec.toJson(valid).replace("\"markdown\":\"x\"", "\"markdown\":null").replace("\"tags\":[]", "\"tags\":null");
        assertThat(broken).contains("\"markdown\":null").contains("\"tags\":null");
        KafkaTestClient.send(bootstrap(), Topics.NOTES, noteId, broken);
        // Well-formed, but a version content-service cannot have sent after version 1.
        publish(noteEvent(noteId, 99, "Jumped question?::jumped\n", List.of("faults")));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(bootstrap(), Topics.deadLetter(Topics.NOTES), Duration.ofSeconds(20),
                seen -> seen.stream().filter(r -> noteId.equals(r.key())).count() >= 2).stream().filter(r -> noteId.equals(r.key())).toList();
        assertThat(dead).hasSize(2);
        assertThat(reason(dead.get(0))).contains("schema").contains("markdown");
        assertThat(reason(dead.get(1))).contains("jumps from version 1 to 99");
        assertThat(prompts(noteId)).containsExactly("Kept question?");

        // The stored version stayed at 1: the real next edit applies.
        publish(noteEvent(noteId, 2, "Edited question?::a new answer\n", List.of("faults")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(prompts(noteId)).containsExactly("Edited question?"));
    }

    @Test
    void itemsBeyondOneEventAreSplitIntoPartsThatEachFitAndTogetherHoldThemAll() {
        String noteId = UUID.randomUUID().toString();
        // 80 tags of 120 characters travel with every item: hundreds of items make several MB of item events.
        List<String> tags = IntStream.range(0, 80).mapToObj(i -> "tag-" + i + "-" + "t".repeat(116)).toList();
        String markdown = IntStream.rangeClosed(1, 1_000).mapToObj(i -> "Split question " + i + "?::answer " + i)
                .collect(Collectors.joining("\n")) + "\n";
        publish(noteEvent(noteId, 1, markdown, tags));
        // The items and their events commit in one transaction: once there are items, all of them are there.
        long count = await().atMost(Duration.ofSeconds(60)).until(() -> itemRows(noteId), n -> n > 0);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(bootstrap(), Topics.ITEMS, Duration.ofSeconds(60),
                        seen -> seen.stream().filter(r -> noteId.equals(r.key()))
                                .mapToInt(r -> ((ItemEvents.ItemsUpserted) EventCodec.data(EventCodec.parse(r.value()))).items().size())
                                .sum() >= count)
                .stream().filter(r -> noteId.equals(r.key())).toList();
        assertThat(records.size()).as("parts").isGreaterThanOrEqualTo(2);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.value().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Topics.MAX_EVENT_BYTES);
            assertThat(EventContract.violations(record.value())).isEmpty();
        }
        List<String> ids = records.stream()
                .flatMap(r -> ((ItemEvents.ItemsUpserted) EventCodec.data(EventCodec.parse(r.value()))).items().stream())
                .map(ItemEvents.Item::itemId).toList();
        assertThat(ids).hasSize((int) count).doesNotHaveDuplicates();
        assertThat(records.stream().mapToInt(r -> r.value().length()).sum()).as("more than one event could carry")
                .isGreaterThan(Topics.MAX_EVENT_BYTES);
    }

    @Test
    void anOutboxRowTheBrokerRefusesIsDeadLetteredAndTheRowsBehindItGoOn() throws Exception {
        String refusedId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        try (Connection c = Postgres.fromEnvironment().connect(DATABASE);
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO outbox_event (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)")) {
            // Bigger than any producer or broker limit (written past the outbox's own check, as by a bug or an old version).
            insert.setString(1, refusedId);
            insert.setString(2, Topics.ITEMS);
            insert.setString(3, key);
            insert.setString(4, "{\"pad\":\"" + UUID.randomUUID().toString().repeat(6 * 1024 * 1024 / 36 + 1) + "\"}");
            insert.executeUpdate();
        }
        // A note processed after it still gets its items published.
        String noteId = UUID.randomUUID().toString();
        publish(noteEvent(noteId, 1, "Behind the big one?::delivered\n", List.of("faults")));
        List<ConsumerRecord<String, String>> items = KafkaTestClient.read(bootstrap(), Topics.ITEMS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> noteId.equals(r.key())));
        assertThat(items).anyMatch(r -> noteId.equals(r.key()));
        assertThat(items).noneMatch(r -> key.equals(r.key()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            try (Connection c = Postgres.fromEnvironment().connect(DATABASE);
                 PreparedStatement select = c.prepareStatement("SELECT reason FROM outbox_dead_letter WHERE event_id = ?")) {
                select.setString(1, refusedId);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).contains("RecordTooLarge");
                }
            }
        });
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("recall_outbox_refused_total(\\{[^}]*})? [1-9]");
        given().auth().oauth2(TOKENS.learner("acme", "bob")).queryParam("note", noteId).when().get("/api/v1/items")
                .then().statusCode(200).body("items", hasSize(1)).body("items.prompt", containsInAnyOrder("Behind the big one?"));
    }

    private static long itemRows(String noteId) throws Exception {
        try (Connection c = Postgres.fromEnvironment().connect(DATABASE);
             PreparedStatement select = c.prepareStatement("SELECT count(*) FROM item WHERE note_id = ?")) {
            select.setString(1, noteId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String reason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
