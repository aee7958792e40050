package dev.recall.quiz;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.NoteEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Tokens;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator finds a dead-lettered event with its reason and, once it can apply, replays it. */
@QuarkusTest
class DeadLetterAdminTests {

    static final Tokens TOKENS = TestKeys.tokens();
    static final String DLQ = Topics.deadLetter(Topics.NOTES);

    static void publish(String noteId, long version, String markdown) {
        var snapshot = new NoteEvents.NoteSnapshot(noteId, "acme", "alice", "Replay", markdown, List.of("replay"), null,
                "en", "tenant", version, List.of(), Instant.now());
        var data = version == 1 ? new NoteEvents.NotePublished(snapshot) : new NoteEvents.NoteUpdated(snapshot);
        CloudEvent event = EventCodec.envelope("/content-service", noteId, "acme", data, Instant.now());
        KafkaTestClient.send(KafkaTestResource.broker().bootstrapServers(), Topics.NOTES, noteId, EventCodec.toJson(event));
    }

    static List<String> prompts(String noteId) {
        return given().auth().oauth2(TOKENS.learner("acme", "bob")).queryParam("note", noteId).when().get("/api/v1/items")
                .then().statusCode(200).extract().path("items.prompt");
    }

    /** Pages through the dead-letter topic until the record with {@code key} shows up. */
    static Map<String, Object> findDeadLetter(String operator, String key) {
        String cursor = null;
        do {
            var request = given().auth().oauth2(operator).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/admin/dead-letters/" + DLQ).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> records = page.getList("records");
            for (Map<String, Object> record : records) {
                if (key.equals(record.get("key"))) {
                    return record;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return null;
    }

    @Test
    void anOperatorListsADeadLetterWithItsReasonAndReplaysItOnceItCanApply() {
        String noteId = UUID.randomUUID().toString();
        String operator = TOKENS.token("ops", "operator-1", Duration.ofMinutes(10), "operator");
        publish(noteId, 1, "One?::1\n");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(prompts(noteId)).containsExactly("One?"));
        publish(noteId, 3, "Three?::3\n"); // ahead of version 2: parked

        Map<String, Object> parked = await().atMost(Duration.ofSeconds(30)).until(() -> findDeadLetter(operator, noteId), r -> r != null);
        assertThat((String) parked.get("reason")).contains("jumps from version 1 to 3");
        assertThat(parked.get("originalTopic")).isEqualTo(Topics.NOTES);
        assertThat(parked.get("eventType")).isEqualTo("dev.recall.content.NoteUpdated");
        assertThat(prompts(noteId)).containsExactly("One?");

        // Learners and tenant admins see no dead letters: they span tenants.
        given().auth().oauth2(TOKENS.admin("acme", "root")).when().get("/api/v1/admin/dead-letters/" + DLQ).then().statusCode(403);
        given().auth().oauth2(operator).when().get("/api/v1/admin/dead-letters/no.such.topic").then().statusCode(404);
        given().auth().oauth2(operator).when().get("/api/v1/admin/dead-letters").then().statusCode(200)
                .body("topics", org.hamcrest.Matchers.hasKey(DLQ));

        publish(noteId, 2, "Two?::2\n");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(prompts(noteId)).containsExactly("Two?"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("partition", parked.get("partition"), "offset", parked.get("offset")))))
                .when().post("/api/v1/admin/dead-letters/" + DLQ + "/replay")
                .then().statusCode(200).body("replayed[0].key", org.hamcrest.Matchers.equalTo(noteId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(prompts(noteId)).containsExactly("Three?"));
    }
}
