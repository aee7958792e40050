package dev.recall.quiz;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.EventContract;
import dev.recall.events.ItemEvents;
import dev.recall.events.NoteEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Tokens;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class NoteToItemsTests {

    /** A ceiling, not a speed claim: the first event meets a cold service, and CI machines are shared. */
    static final Duration PIPELINE = Duration.ofSeconds(60);

    static final Tokens TOKENS = TestKeys.tokens();

    static String bootstrap() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    static CloudEvent noteEvent(String noteId, String tenant, long version, String markdown) {
        var snapshot = new NoteEvents.NoteSnapshot(noteId, tenant, "alice", "Decorators", markdown, List.of("python"), "deck-1",
                "en", "tenant", version, List.of(), Instant.now());
        var data = version == 1 ? new NoteEvents.NotePublished(snapshot) : new NoteEvents.NoteUpdated(snapshot);
        return EventCodec.envelope("/content-service", noteId, tenant, data, Instant.now());
    }

    static void publish(CloudEvent event) {
        KafkaTestClient.send(bootstrap(), Topics.NOTES, event.subject(), EventCodec.toJson(event));
    }

    static List<CloudEvent> itemEvents(String noteId, Predicate<List<CloudEvent>> enough) {
        return KafkaTestClient.read(bootstrap(), Topics.ITEMS, PIPELINE,
                        seen -> enough.test(forNote(seen, noteId)))
                .stream().filter(r -> noteId.equals(r.key())).map(ConsumerRecord::value)
                .peek(json -> assertThat(EventContract.violations(json)).isEmpty())
                .map(EventCodec::parse).toList();
    }

    static List<CloudEvent> forNote(List<ConsumerRecord<String, String>> records, String noteId) {
        return records.stream().filter(r -> noteId.equals(r.key())).map(r -> EventCodec.parse(r.value())).toList();
    }

    @Test
    void noteBecomesItemsAndARedeliveryChangesNothing() {
        String noteId = UUID.randomUUID().toString();
        CloudEvent published = noteEvent(noteId, "acme", 1, "# Decorators\n\nWhat does @wraps keep?::The wrapped function's name and docstring\n\n"
                + "```python\nnot::a card\n```\nWhat is a decorator?::A callable that takes a function and returns a function\n");
        publish(published);
        publish(published); // a redelivery of the very same event

        String learner = TOKENS.learner("acme", "bob");
        await().atMost(PIPELINE).untilAsserted(() ->
                given().auth().oauth2(learner).queryParam("note", noteId).when().get("/api/v1/items")
                        .then().statusCode(200).body("items", hasSize(2)));
        given().auth().oauth2(learner).queryParam("note", noteId).when().get("/api/v1/items")
                .then().body("items.prompt", containsInAnyOrder("What does @wraps keep?", "What is a decorator?"));

        // An edit that rewords one answer and drops the other question: same id upserted, the other retired.
        publish(noteEvent(noteId, "acme", 2, "# Decorators\n\nWhat does @wraps keep?::The name, docstring and __wrapped__ of the function\n"));
        List<CloudEvent> events = itemEvents(noteId, seen -> seen.size() >= 3);
        assertThat(events).extracting(CloudEvent::type).containsExactly(
                "dev.recall.quiz.ItemsUpserted", "dev.recall.quiz.ItemsUpserted", "dev.recall.quiz.ItemsRetired");
        var first = (ItemEvents.ItemsUpserted) EventCodec.data(events.get(0));
        var second = (ItemEvents.ItemsUpserted) EventCodec.data(events.get(1));
        var retired = (ItemEvents.ItemsRetired) EventCodec.data(events.get(2));
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        String wrapsId = second.items().get(0).itemId();
        assertThat(first.items()).extracting(ItemEvents.Item::itemId).contains(wrapsId);
        assertThat(retired.itemIds()).hasSize(1).doesNotContain(wrapsId);

        // An old version arriving late is ignored.
        publish(noteEvent(noteId, "acme", 1, "# Decorators\n\nStale::Stale\n"));
        publish(noteEvent(noteId, "acme", 3, "# Decorators\n\nWhat does @wraps keep?::The name, docstring and __wrapped__ of the function\n"));
        await().atMost(PIPELINE).untilAsserted(() ->
                given().auth().oauth2(learner).queryParam("note", noteId).when().get("/api/v1/items")
                        .then().statusCode(200).body("items", hasSize(1)).body("items[0].itemId", equalTo(wrapsId)));
    }

    @Test
    void aLargePastedNoteBecomesItemsThroughTheConsumer() {
        // Generation runs on a worker thread: a note of several hundred KB still ends as items, and the service
        // answers other requests meanwhile.
        StringBuilder text = new StringBuilder("Interview notes\n\n");
        for (int i = 0; i < 1500; i++) {
            text.append("Topic ").append(i).append("\n\nA decorator is a callable that takes a function and returns a function.\n")
                    .append("  • first step of topic ").append(i).append("\n  • second step\n  • third step\n\n");
        }
        assertThat(text.length()).isGreaterThan(200_000);
        String noteId = UUID.randomUUID().toString();
        publish(noteEvent(noteId, "acme", 1, text.toString()));
        String learner = TOKENS.learner("acme", "bob");
        await().atMost(PIPELINE).untilAsserted(() -> {
            given().auth().oauth2(learner).queryParam("type", "essay").when().get("/api/v1/items").then().statusCode(400);
            given().auth().oauth2(learner).queryParam("note", noteId).queryParam("limit", 50).when().get("/api/v1/items")
                    .then().statusCode(200).body("items", hasSize(50));
        });
    }

    @Test
    void otherTenantsSeeNoItemsAndBadQueriesAreProblems() {
        String noteId = UUID.randomUUID().toString();
        publish(noteEvent(noteId, "acme", 1, "Q1::A1\n"));
        await().atMost(PIPELINE).untilAsserted(() ->
                given().auth().oauth2(TOKENS.learner("acme", "bob")).queryParam("note", noteId).when().get("/api/v1/items")
                        .then().statusCode(200).body("items", hasSize(1)));
        given().auth().oauth2(TOKENS.learner("globex", "bob")).queryParam("note", noteId).when().get("/api/v1/items")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TOKENS.learner("acme", "bob")).queryParam("type", "essay").when().get("/api/v1/items")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        given().auth().oauth2(TOKENS.learner("acme", "bob")).queryParam("note", noteId).queryParam("limit", 0).when().get("/api/v1/items")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        KafkaTestClient.send(bootstrap(), Topics.NOTES, "poison", "{this is not an event");
        String noteId = UUID.randomUUID().toString();
        publish(noteEvent(noteId, "acme", 1, "After::poison\n"));

        var dead = KafkaTestClient.read(bootstrap(), Topics.deadLetter(Topics.NOTES), PIPELINE,
                seen -> seen.stream().anyMatch(r -> "poison".equals(r.key())));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> "poison".equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(record.headers().lastHeader("dead-letter-reason").value())).contains("not a CloudEvent");
        await().atMost(PIPELINE).untilAsserted(() ->
                given().auth().oauth2(TOKENS.learner("acme", "bob")).queryParam("note", noteId).when().get("/api/v1/items")
                        .then().statusCode(200).body("items", hasSize(1)));
    }
}
