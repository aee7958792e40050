package dev.recall.content;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.EventContract;
import dev.recall.events.NoteEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class NoteResourceTests {

    static final Tokens TOKENS = TestKeys.tokens();

    static String markdown() {
        return "# Closures\n\nWhat is a closure?::A function that remembers variables of its enclosing scope\n\n## Late binding\n\nQ::A\n";
    }

    static Map<String, Object> body(String title) {
        return Map.of("title", title, "markdown", markdown(), "tags", List.of("python", "closures"), "visibility", "private");
    }

    @Test
    void authorCreatesNoteAndReadsItBackWithOutline() {
        String author = TOKENS.author("acme", "alice");
        String id = given().auth().oauth2(author).contentType(ContentType.JSON).body(body("Closures"))
                .when().post("/api/v1/notes")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/notes/"))
                .body("title", equalTo("Closures"))
                .body("outline", hasSize(2))
                .body("outline[1].path", equalTo(List.of("Closures", "Late binding")))
                .extract().path("id");

        given().auth().oauth2(author).when().get("/api/v1/notes/" + id)
                .then().statusCode(200).header("ETag", containsString("1"))
                .body("markdown", equalTo(markdown()))
                .body("tags", equalTo(List.of("python", "closures")));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(KafkaTestResource.broker().bootstrapServers(),
                Topics.NOTES, Duration.ofSeconds(20), seen -> seen.stream().anyMatch(r -> r.key().equals(id)));
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.key().equals(id)).findFirst().orElseThrow();
        assertThat(EventContract.violations(record.value())).isEmpty();
        CloudEvent event = EventCodec.parse(record.value());
        assertThat(event.tenant()).isEqualTo("acme");
        assertThat(event.dataschema()).isEqualTo("https://recall.dev/schemas/NotePublished.json");
        var published = (NoteEvents.NotePublished) EventCodec.data(event);
        assertThat(published.note().markdown()).isEqualTo(markdown());
        assertThat(published.note().outline()).extracting(NoteEvents.Section::title).containsExactly("Closures", "Late binding");
    }

    @Test
    void retryWithSameIdempotencyKeyCreatesOneNoteAndOneEvent() {
        String author = TOKENS.author("acme", "bob");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(author).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body("Retry"))
                .when().post("/api/v1/notes").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(author).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body("Retry"))
                .when().post("/api/v1/notes").then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);

        given().auth().oauth2(author).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body("Other body"))
                .when().post("/api/v1/notes").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://recall.dev/problems/idempotency-key-reused"));

        // Wait for a later note's event: everything committed before it has been published by then.
        String marker = given().auth().oauth2(author).contentType(ContentType.JSON).body(body("Marker"))
                .when().post("/api/v1/notes").then().statusCode(201).extract().path("id");
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(KafkaTestResource.broker().bootstrapServers(),
                Topics.NOTES, Duration.ofSeconds(20), seen -> seen.stream().anyMatch(r -> r.key().equals(marker)));
        assertThat(records.stream().filter(r -> r.key().equals(first))).hasSize(1);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() throws SQLException {
        Map<String, Long> before = rowCounts();
        String author = TOKENS.author("acme", "carol");
        given().auth().oauth2(author).contentType(ContentType.JSON).body("{\"title\": \"x\", \"markdown\": ")
                .when().post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://recall.dev/problems/malformed-json"));
        given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("title", " ", "markdown", "x", "visibility", "secret"))
                .when().post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://recall.dev/problems/validation"))
                .body("errors.field", equalTo(List.of("title", "visibility")));
        given().auth().oauth2(TOKENS.learner("acme", "dave")).contentType(ContentType.JSON).body(body("Not mine to write"))
                .when().post("/api/v1/notes")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(body("Anonymous"))
                .when().post("/api/v1/notes")
                .then().statusCode(401);
        assertThat(rowCounts()).as("notes, versions, idempotency keys and events appended").isEqualTo(before);
    }

    /** Rows of every table a note write touches; for the outbox the last id handed out, as the relay deletes what it sent. */
    static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (Connection c = Postgres.fromEnvironment().connect("recall_content_test" + Postgres.testDatabaseSuffix());
             Statement s = c.createStatement()) {
            for (String table : List.of("note", "note_version", "idempotency_key")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox_event', 'id')), 0)")) {
                rs.next();
                counts.put("outbox_event ids", rs.getLong(1));
            }
        }
        return counts;
    }

    @Test
    void otherTenantsAndOtherUsersDoNotSeePrivateNotes() {
        String id = given().auth().oauth2(TOKENS.author("acme", "erin")).contentType(ContentType.JSON).body(body("Private"))
                .when().post("/api/v1/notes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKENS.author("globex", "erin")).when().get("/api/v1/notes/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.learner("acme", "frank")).when().get("/api/v1/notes/" + id)
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.admin("acme", "grace")).when().get("/api/v1/notes/" + id)
                .then().statusCode(200);
    }
}
