package dev.recall.local;

import dev.recall.events.EventCodec;
import dev.recall.events.Topics;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.launchers.TraceCollector;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.TestKeys;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The walking skeleton through all three services as separate processes, with the real broker and
 * database: an author's note becomes two due cards for an enrolled learner, a review takes one out of
 * today's queue, and replayed Kafka events change nothing.
 */
class EndToEndTests {

    static final Tokens TOKENS = TestKeys.tokens();
    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStacks.start("e2e", "_e2e" + Postgres.testDatabaseSuffix(), 1);
        for (Service service : Service.values()) {
            var running = stack.service(service);
            System.out.printf("[e2e] %s ready in %d ms, RSS %d MiB%n", service.module, running.startTime().toMillis(), running.rssMiB());
        }
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void noteBecomesDueCardsAReviewLeavesTheQueueAndReplaysChangeNothing() {
        String author = TOKENS.author("acme", "author-" + UUID.randomUUID());
        String learner = TOKENS.learner("acme", "learner-" + UUID.randomUUID());
        String content = stack.url(Service.CONTENT);
        String quiz = stack.url(Service.QUIZ);
        String progress = stack.url(Service.PROGRESS);

        String noteId = given().auth().oauth2(author).contentType(ContentType.JSON)
                .body(Map.of("title", "Python closures", "visibility", "tenant", "markdown",
                        "# Closures\n\nWhat is a closure?::A function that keeps the variables of the scope it was defined in\n"
                                + "Which keyword rebinds an enclosing variable?::nonlocal\n"))
                .when().post(content + "/api/v1/notes")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", noteId))
                .when().post(progress + "/api/v1/enrollments").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(learner).when().get(progress + "/api/v1/reviews/due")
                        .then().statusCode(200).body("", hasSize(2)));
        given().auth().oauth2(learner).queryParam("note", noteId).when().get(quiz + "/api/v1/items")
                .then().statusCode(200).body("items", hasSize(2));

        List<String> cardIds = given().auth().oauth2(learner).when().get(progress + "/api/v1/reviews/due")
                .then().extract().path("cardId");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("cardId", cardIds.get(0), "rating", 3))
                .when().post(progress + "/api/v1/reviews")
                .then().statusCode(201).body("state", equalTo("LEARNING"));

        given().auth().oauth2(learner).when().get(progress + "/api/v1/reviews/due")
                .then().statusCode(200).body("", hasSize(1)).body("[0].cardId", equalTo(cardIds.get(1)));

        // Replay what the broker already delivered: the note event to quiz-service, the item event to progress-service.
        ConsumerRecord<String, String> noteEvent = only(Topics.NOTES, noteId);
        ConsumerRecord<String, String> itemsEvent = only(Topics.ITEMS, noteId);
        for (int i = 0; i < 2; i++) {
            KafkaTestClient.send(stack.bootstrapServers(), Topics.NOTES, noteEvent.key(), noteEvent.value());
            KafkaTestClient.send(stack.bootstrapServers(), Topics.ITEMS, itemsEvent.key(), itemsEvent.value());
        }
        // A marker note sent after the replays: once its items are out, the replays were consumed.
        String marker = given().auth().oauth2(author).contentType(ContentType.JSON)
                .body(Map.of("title", "Marker", "visibility", "tenant", "markdown", "Marker?::yes\n"))
                .when().post(content + "/api/v1/notes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", marker))
                .when().post(progress + "/api/v1/enrollments").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(learner).when().get(progress + "/api/v1/reviews/due")
                        .then().statusCode(200).body("", hasSize(2)));

        List<ConsumerRecord<String, String>> items = KafkaTestClient.read(stack.bootstrapServers(), Topics.ITEMS, Duration.ofSeconds(10),
                seen -> seen.stream().anyMatch(r -> marker.equals(r.key())));
        // The topic holds our two replays too; they carry the original event id. Any event quiz-service made
        // from the replayed note events would carry a new one.
        assertThat(items.stream().filter(r -> noteId.equals(r.key())).map(r -> EventCodec.parse(r.value()).id()).distinct())
                .as("quiz-service published the note's items once").hasSize(1);
        given().auth().oauth2(learner).when().get(progress + "/api/v1/reviews/due")
                .then().body("itemId", hasSize(2)).body("noteId", containsInAnyOrder(noteId, marker));
    }

    @Test
    void oneTraceFollowsANoteFromContentThroughQuizToProgress() throws Exception {
        String author = TOKENS.author("acme", "author-" + UUID.randomUUID());
        String learner = TOKENS.learner("acme", "learner-" + UUID.randomUUID());
        // The client starts the trace (W3C traceparent); every service's spans for this note must carry its id.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String noteId = given().auth().oauth2(author).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Decorators", "visibility", "tenant", "markdown",
                        "# Decorators\n\nWhat does @functools.wraps keep?::The wrapped function's name and docstring\n"))
                .when().post(stack.url(Service.CONTENT) + "/api/v1/notes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", noteId))
                .when().post(stack.url(Service.PROGRESS) + "/api/v1/enrollments").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(learner).queryParam("note", noteId).when().get(stack.url(Service.PROGRESS) + "/api/v1/cards")
                        .then().statusCode(200).body("items", hasSize(1)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<TraceCollector.Span> trace = stack.spans().stream().filter(span -> traceId.equals(span.traceId())).toList();
            assertThat(trace).extracting(TraceCollector.Span::service).contains("content-service", "quiz-service", "progress-service");
            assertThat(trace).extracting(TraceCollector.Span::name)
                    .anyMatch(name -> name.startsWith("quiz-service.notes process NotePublished"))
                    .anyMatch(name -> name.startsWith("progress-service.items process ItemsUpserted"));
        });
        // Every span of the trace hangs from the client's span: no consumer started a trace of its own.
        List<TraceCollector.Span> trace = stack.spans().stream().filter(span -> traceId.equals(span.traceId())).toList();
        java.util.Set<String> ids = trace.stream().map(TraceCollector.Span::spanId).collect(java.util.stream.Collectors.toSet());
        assertThat(trace).allMatch(span -> span.parentSpanId().equals("00f067aa0ba902b7") || ids.contains(span.parentSpanId()),
                "parent within the trace");

        // The log lines of the consumers (JSON in the prod profile) name the trace and the tenant.
        List<Map<String, Object>> quizLines = jsonLines(stack.service(Service.QUIZ).log());
        assertThat(quizLines).as("quiz-service log lines of this trace")
                .anyMatch(line -> line.get("mdc") instanceof Map<?, ?> mdc && traceId.equals(mdc.get("traceId")) && "acme".equals(mdc.get("tenant")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonLines(java.nio.file.Path log) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(json.readValue(line, Map.class));
            }
        }
        return lines;
    }

    private static ConsumerRecord<String, String> only(String topic, String key) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(stack.bootstrapServers(), topic, Duration.ofSeconds(20),
                seen -> seen.stream().anyMatch(r -> key.equals(r.key())));
        List<ConsumerRecord<String, String>> matching = records.stream().filter(r -> key.equals(r.key())).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aNoteCommittedBeforeACrashIsPublishedOnceAfterTheRestart() {
        String author = TOKENS.author("acme", "author-" + UUID.randomUUID());
        String content = stack.url(Service.CONTENT);
        // No relay: the note and its outbox row commit, but nothing reaches Kafka; then the process dies hard.
        stack.restart(Service.CONTENT, false, Map.of("RECALL_OUTBOX_ENABLED", "false"));
        String noteId = given().auth().oauth2(author).contentType(ContentType.JSON)
                .body(Map.of("title", "Crash", "visibility", "tenant", "markdown", "Crash?::recovered\n"))
                .when().post(content + "/api/v1/notes").then().statusCode(201).extract().path("id");
        stack.restart(Service.CONTENT, true, Map.of());

        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(stack.bootstrapServers(), Topics.NOTES, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> noteId.equals(r.key())));
        assertThat(records.stream().filter(r -> noteId.equals(r.key()))).as("the committed note's event, sent once after the restart").hasSize(1);
        given().auth().oauth2(author).when().get(content + "/api/v1/notes/" + noteId).then().statusCode(200);
    }
}
