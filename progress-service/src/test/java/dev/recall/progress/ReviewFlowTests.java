package dev.recall.progress;

import dev.recall.events.EventCodec;
import dev.recall.events.EventContract;
import dev.recall.events.ItemEvents;
import dev.recall.events.ReviewRecorded;
import dev.recall.events.Topics;
import dev.recall.launchers.Tokens;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ReviewFlowTests {

    static final Tokens TOKENS = TestKeys.tokens();

    static String bootstrap() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    /** Publishes an ItemsUpserted event as quiz-service would, with {@code count} items. */
    static String publishItems(String tenant, String author, String visibility, int count) {
        return publishItems(tenant, author, visibility, count, List.of("python"));
    }

    /** The same, with the given tags on every item. */
    static String publishItems(String tenant, String author, String visibility, int count, List<String> tags) {
        String noteId = UUID.randomUUID().toString();
        List<ItemEvents.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new ItemEvents.Item(noteId + "-item-" + i, "BASIC", "Question " + i + "?", List.of("Answer " + i), null,
                    List.of("Heading"), null, tags));
        }
        var data = new ItemEvents.ItemsUpserted(noteId, tenant, author, visibility, null, 1, items);
        KafkaTestClient.send(bootstrap(), Topics.ITEMS, noteId, EventCodec.toJson(EventCodec.envelope("/quiz-service", noteId, tenant, data, Instant.now())));
        return noteId;
    }

    static void enroll(String token, String noteId) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", noteId))
                .when().post("/api/v1/enrollments").then().statusCode(201);
    }

    static List<String> awaitDue(String token, int expected) {
        // The first test of a run also waits for the consumer to join its group and get its partitions.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/reviews/due").then().statusCode(200).body("", hasSize(expected)));
        return given().auth().oauth2(token).when().get("/api/v1/reviews/due").then().extract().path("cardId");
    }

    @Test
    void enrolledLearnerGetsDueCardsWithPreviewsAndAReviewReschedules() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String noteId = publishItems("acme", "alice", "tenant", 2);
        enroll(learner, noteId);
        List<String> cards = awaitDue(learner, 2);

        given().auth().oauth2(learner).when().get("/api/v1/reviews/due")
                .then().body("[0].state", equalTo("NEW"))
                .body("[0].previews.rating", equalTo(List.of(1, 2, 3, 4)))
                .body("[0].previews[3].state", equalTo("REVIEW"))
                .body("prompt", everyItem(org.hamcrest.Matchers.startsWith("Question")));

        String reviewId = given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("cardId", cards.get(0), "rating", 4))
                .when().post("/api/v1/reviews")
                .then().statusCode(201).body("state", equalTo("REVIEW")).body("scheduledDays", equalTo(8))
                .extract().path("reviewId");
        awaitDue(learner, 1);

        var records = KafkaTestClient.read(bootstrap(), Topics.REVIEWS, Duration.ofSeconds(20),
                seen -> seen.stream().anyMatch(r -> r.key().equals(cards.get(0))));
        var record = records.stream().filter(r -> r.key().equals(cards.get(0))).findFirst().orElseThrow();
        assertThat(EventContract.violations(record.value())).isEmpty();
        var recorded = (ReviewRecorded) EventCodec.data(EventCodec.parse(record.value()));
        assertThat(recorded.reviewId()).isEqualTo(reviewId);
        assertThat(recorded.stability()).isEqualTo(8.2956, org.assertj.core.api.Assertions.within(1e-6));

        given().auth().oauth2(learner).contentType(ContentType.JSON).when().post("/api/v1/reviews/" + reviewId + "/undo")
                .then().statusCode(200).body("state", equalTo("NEW"));
        awaitDue(learner, 2);
        given().auth().oauth2(learner).contentType(ContentType.JSON).when().post("/api/v1/reviews/" + reviewId + "/undo")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badReviewsAreProblemsAndWriteNothing() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String other = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String noteId = publishItems("acme", "alice", "tenant", 1);
        enroll(learner, noteId);
        String card = awaitDue(learner, 1).get(0);

        for (int rating : new int[]{0, 5}) {
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("cardId", card, "rating", rating))
                    .when().post("/api/v1/reviews").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("rating"));
        }
        given().auth().oauth2(learner).contentType(ContentType.JSON).body("{\"cardId\": \"" + card + "\", \"rating\": ")
                .when().post("/api/v1/reviews").then().statusCode(400).body("type", equalTo("https://recall.dev/problems/malformed-json"));
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("cardId", UUID.randomUUID().toString(), "rating", 3))
                .when().post("/api/v1/reviews").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("cardId", card, "rating", 3))
                .when().post("/api/v1/reviews").then().statusCode(404);
        given().auth().oauth2(TOKENS.learner("globex", "x")).contentType(ContentType.JSON).body(Map.of("cardId", card, "rating", 3))
                .when().post("/api/v1/reviews").then().statusCode(404);
        awaitDue(learner, 1);

        Instant now = Instant.now();
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("cardId", card, "rating", 1, "reviewedAt", now.toString()))
                .when().post("/api/v1/reviews").then().statusCode(201);
        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("cardId", card, "rating", 3, "reviewedAt", now.minusSeconds(60).toString()))
                .when().post("/api/v1/reviews").then().statusCode(409).body("type", equalTo("https://recall.dev/problems/review-out-of-order"));
    }

    @Test
    void retryWithTheSameIdempotencyKeyRecordsOneReview() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String noteId = publishItems("acme", "alice", "tenant", 1);
        enroll(learner, noteId);
        String card = awaitDue(learner, 1).get(0);
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(learner).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("cardId", card, "rating", 3)).when().post("/api/v1/reviews")
                .then().statusCode(201).extract().path("reviewId");
        String again = given().auth().oauth2(learner).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("cardId", card, "rating", 3)).when().post("/api/v1/reviews")
                .then().statusCode(201).extract().path("reviewId");
        assertThat(again).isEqualTo(first);
        // The first review put the card in learning (due in 10 min); a second real review would have moved it on.
        given().auth().oauth2(learner).contentType(ContentType.JSON).when().post("/api/v1/reviews/" + first + "/undo")
                .then().statusCode(200).body("state", equalTo("NEW"));
    }

    @Test
    void privateItemsBecomeCardsOnlyForTheirAuthorAndTenantsStayApart() {
        String author = "alice-" + UUID.randomUUID();
        String noteId = publishItems("acme", author, "private", 1);
        String otherLearner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String authorToken = TOKENS.author("acme", author);
        String foreign = TOKENS.learner("globex", "l-" + UUID.randomUUID());
        enroll(authorToken, noteId);
        awaitDue(authorToken, 1);
        enroll(otherLearner, noteId);
        enroll(foreign, noteId);
        given().auth().oauth2(otherLearner).when().get("/api/v1/reviews/due").then().body("", hasSize(0));
        given().auth().oauth2(foreign).when().get("/api/v1/reviews/due").then().body("", hasSize(0));
    }
}
