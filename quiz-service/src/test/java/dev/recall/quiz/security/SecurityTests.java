package dev.recall.quiz.security;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.NoteEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Tokens;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import dev.recall.testing.security.RowCounts;
import dev.recall.testing.security.SecuritySuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;

/** quiz-service under the security suite (docs/security.md), with a real note's items and a real quiz as fixtures. */
@QuarkusTest
class SecurityTests {

    static final Tokens TOKENS = TestKeys.tokens();
    String learner;
    String noteId;
    String itemId;
    String quizId;

    @BeforeEach
    void fixtures() {
        String tenant = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        learner = TOKENS.admin(tenant, "alice");
        noteId = UUID.randomUUID().toString();
        var snapshot = new NoteEvents.NoteSnapshot(noteId, tenant, "alice", "Closures",
                "# Closures\n\nWhat is a closure?::A function with its scope\n\nWhich keyword rebinds an outer name?::nonlocal\n",
                List.of("python"), null, "en", "tenant", 1, List.of(), Instant.now());
        CloudEvent event = EventCodec.envelope("/content-service", noteId, tenant, new NoteEvents.NotePublished(snapshot), Instant.now());
        KafkaTestClient.send(KafkaTestResource.broker().bootstrapServers(), Topics.NOTES, noteId, EventCodec.toJson(event));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(learner).queryParam("note", noteId)
                .get("/api/v1/items").then().statusCode(200).body("items.size()", greaterThan(1)));
        itemId = given().auth().oauth2(learner).queryParam("note", noteId).get("/api/v1/items").then().extract().path("items[0].itemId");
        quizId = given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("noteIds", List.of(noteId), "count", 2))
                .post("/api/v1/quizzes").then().statusCode(201).extract().path("quizId");
    }

    SecuritySuite suite() {
        var config = ConfigProvider.getConfig();
        return new SecuritySuite(RestAssured.port, learner,
                Map.of("items.id", itemId, "quizzes.id", quizId, "topic", "content.notes.v1"),
                Map.of("noteIds", List.of(noteId), "itemId", itemId, "seed", "42"),
                new RowCounts(config.getValue("quarkus.datasource.jdbc.url", String.class), config.getValue("quarkus.datasource.username", String.class)));
    }

    @Test
    void everyOperationRefusesEveryBadToken() {
        SecuritySuite.Report report = suite().badTokens();
        System.out.println("quiz bad tokens: " + report);
        assertThat(report.requests()).isGreaterThan(8 * 20);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void noInputMakesA5xxOrAnIncompleteProblemOrChangesRowsWhenRefused() {
        SecuritySuite.Report report = suite().badInputs();
        System.out.println("quiz bad inputs: " + report);
        assertThat(report.requests()).isGreaterThan(200);
        assertThat(report.failures()).isEmpty();
    }
}
