package dev.recall.progress.security;

import dev.recall.events.EventCodec;
import dev.recall.events.ItemEvents;
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
import static org.hamcrest.Matchers.hasSize;

/** progress-service under the security suite (docs/security.md), with a learner's real cards as fixtures. */
@QuarkusTest
class SecurityTests {

    static final Tokens TOKENS = TestKeys.tokens();
    String learner;
    String noteId;
    String cardId;

    @BeforeEach
    void fixtures() {
        String tenant = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        learner = TOKENS.admin(tenant, "alice");
        noteId = UUID.randomUUID().toString();
        var items = List.of(new ItemEvents.Item(noteId + "-a", "BASIC", "What is a closure?", List.of("A function with its scope"), null,
                        List.of("Closures"), null, List.of("python")),
                new ItemEvents.Item(noteId + "-b", "BASIC", "Which keyword rebinds?", List.of("nonlocal"), null, List.of("Closures"), null, List.of()));
        var data = new ItemEvents.ItemsUpserted(noteId, tenant, "alice", "tenant", null, 1, items);
        KafkaTestClient.send(KafkaTestResource.broker().bootstrapServers(), Topics.ITEMS, noteId,
                EventCodec.toJson(EventCodec.envelope("/quiz-service", noteId, tenant, data, Instant.now())));
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", noteId))
                .post("/api/v1/enrollments").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(learner).get("/api/v1/reviews/due").then().statusCode(200).body("", hasSize(2)));
        cardId = given().auth().oauth2(learner).get("/api/v1/reviews/due").then().extract().path("[0].cardId");
    }

    SecuritySuite suite() {
        var config = ConfigProvider.getConfig();
        return new SecuritySuite(RestAssured.port, learner,
                Map.of("cards.id", cardId, "reviews.id", UUID.randomUUID().toString(), "topic", "quiz.items.v1"),
                Map.of("cardId", cardId, "target", noteId, "kind", "note", "rating", 3),
                new RowCounts(config.getValue("quarkus.datasource.jdbc.url", String.class), config.getValue("quarkus.datasource.username", String.class)));
    }

    @Test
    void everyOperationRefusesEveryBadToken() {
        SecuritySuite.Report report = suite().badTokens();
        System.out.println("progress bad tokens: " + report);
        assertThat(report.requests()).isGreaterThan(15 * 20);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void noInputMakesA5xxOrAnIncompleteProblemOrChangesRowsWhenRefused() {
        SecuritySuite.Report report = suite().badInputs();
        System.out.println("progress bad inputs: " + report);
        assertThat(report.requests()).isGreaterThan(300);
        assertThat(report.failures()).isEmpty();
    }
}
