package dev.recall.progress;

import dev.recall.events.AnswerGraded;
import dev.recall.events.EventCodec;
import dev.recall.events.Topics;
import dev.recall.progress.review.DueCard;
import dev.recall.progress.review.DueQueue;
import dev.recall.progress.scheduler.SchedulerOptions;
import dev.recall.progress.settings.LearnerSettings;
import dev.recall.testing.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.progress.ReviewFlowTests.TOKENS;
import static dev.recall.progress.ReviewFlowTests.awaitDue;
import static dev.recall.progress.ReviewFlowTests.bootstrap;
import static dev.recall.progress.ReviewFlowTests.enroll;
import static dev.recall.progress.ReviewFlowTests.publishItems;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class LearnerSettingsAndQueueTests {

    @Inject
    DueQueue queue;

    static Map<String, Object> settings(int newPerDay) {
        Map<String, Object> body = new HashMap<>();
        body.put("timeZone", "Asia/Shanghai");
        body.put("dayStartHour", 4);
        body.put("newCardsPerDay", newPerDay);
        body.put("reviewsPerDay", 100);
        body.put("desiredRetention", 0.9);
        body.put("maximumInterval", 36500);
        body.put("learningSteps", List.of("1m", "10m"));
        body.put("relearningSteps", List.of("10m"));
        body.put("enableShortTerm", true);
        body.put("enableFuzz", false);
        return body;
    }

    static String review(String token, String card, int rating, Instant at) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("cardId", card, "rating", rating, "reviewedAt", at.toString()))
                .when().post("/api/v1/reviews").then().statusCode(201).extract().path("reviewId");
    }

    @Test
    void newCardsPerDayCapsTheQueueAndCountsCardsIntroducedToday() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(settings(2))
                .when().put("/api/v1/settings").then().statusCode(200).body("settings.newCardsPerDay", equalTo(2));
        enroll(learner, publishItems("acme", "alice", "tenant", 5));
        List<String> cards = awaitDue(learner, 2);

        review(learner, cards.get(0), 4, Instant.now());
        // One new card was introduced today, so one more is allowed; the reviewed one is not due today.
        given().auth().oauth2(learner).when().get("/api/v1/reviews/due").then().body("", hasSize(1));
        given().auth().oauth2(learner).when().get("/api/v1/settings").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai")).body("learningSteps", equalTo(List.of("1m", "10m")));
    }

    @Test
    void invalidSettingsAreProblemsAndChangeNothing() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        Map<String, Object> badZone = settings(7);
        badZone.put("timeZone", "Mars/Olympus");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(badZone).when().put("/api/v1/settings")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("timeZone"));
        Map<String, Object> badSteps = settings(7);
        badSteps.put("learningSteps", List.of("1m", "ten minutes"));
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(badSteps).when().put("/api/v1/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("learningSteps"));
        Map<String, Object> badRetention = settings(7);
        badRetention.put("desiredRetention", 0.5);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(badRetention).when().put("/api/v1/settings")
                .then().statusCode(400);
        Map<String, Object> badWeights = settings(7);
        badWeights.put("weights", List.of(1.0, 2.0));
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(badWeights).when().put("/api/v1/settings")
                .then().statusCode(400);
        given().auth().oauth2(learner).when().get("/api/v1/settings").then().statusCode(200)
                .body("timeZone", equalTo("UTC")).body("newCardsPerDay", equalTo(20));
    }

    @Test
    void theStudyDayEndsAtTheLearnersDayStartInTheirTimeZone() throws Throwable {
        String user = "l-" + UUID.randomUUID();
        String learner = TOKENS.learner("acme", user);
        enroll(learner, publishItems("acme", "alice", "tenant", 1));
        String card = awaitDue(learner, 1).get(0);
        // Easy on a new card: due exactly 8 days later (ts-fsrs defaults), i.e. at a whole hour in the past.
        Instant due = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        review(learner, card, 4, due.minus(Duration.ofDays(8)));
        Instant now = due.minus(Duration.ofHours(2));

        // Shanghai, day starting one hour after the card is due: the card is due within today.
        int laterHour = due.plus(Duration.ofHours(1)).atZone(ZoneId.of("Asia/Shanghai")).getHour();
        // Same instant, but the learner's day (in New York) ends one hour before the card is due: not today.
        int earlierHour = due.minus(Duration.ofHours(1)).atZone(ZoneId.of("America/New_York")).getHour();
        assertThat(dueAt(user, now, new LearnerSettings(ZoneId.of("Asia/Shanghai"), laterHour, 20, 200, SchedulerOptions.defaults())))
                .containsExactly(card);
        assertThat(dueAt(user, now, new LearnerSettings(ZoneId.of("America/New_York"), earlierHour, 20, 200, SchedulerOptions.defaults())))
                .isEmpty();
    }

    private List<String> dueAt(String user, Instant now, LearnerSettings settings) throws Throwable {
        List<DueCard> due = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> queue.due("acme", user, settings, now, 50)));
        return due.stream().map(DueCard::cardId).toList();
    }

    @Test
    void gradedAnswersBecomeReviewsOnceEach() {
        String user = "l-" + UUID.randomUUID();
        String learner = TOKENS.learner("acme", user);
        String noteId = publishItems("acme", "alice", "tenant", 3);
        enroll(learner, noteId);
        awaitDue(learner, 3);
        String fast = sendAnswer(user, noteId + "-item-0", noteId + "-item-0", true, 1_500);
        sendAnswer(user, noteId + "-item-1", noteId + "-item-1", false, 9_000);
        // Redelivery of the same event must not review the card again.
        KafkaTestClient.send(bootstrap(), Topics.ANSWERS, noteId + "-item-0", fast);
        // A marker behind the duplicate on its partition (same record key): once the marker is applied, so is the duplicate.
        sendAnswer(user, noteId + "-item-0", noteId + "-item-2", true, 2_000);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cardsByItem(learner).get(noteId + "-item-2").get("reps"))
                .isEqualTo(1));
        Map<String, Map<String, Object>> cards = cardsByItem(learner);
        assertThat(cards).hasSize(3);
        Map<String, Object> easy = cards.get(noteId + "-item-0");
        Map<String, Object> again = cards.get(noteId + "-item-1");
        assertThat(easy.get("reps")).as("the redelivered answer was not applied again").isEqualTo(1);
        assertThat(easy.get("state")).isEqualTo("REVIEW");
        assertThat(easy.get("scheduledDays")).isEqualTo(8);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cardsByItem(learner).get(noteId + "-item-1"))
                .containsEntry("reps", 1).containsEntry("state", "LEARNING"));
    }

    private static Map<String, Map<String, Object>> cardsByItem(String learner) {
        List<Map<String, Object>> cards = given().auth().oauth2(learner).when().get("/api/v1/cards")
                .then().statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> byItem = new HashMap<>();
        cards.forEach(card -> byItem.put((String) card.get("itemId"), card));
        return byItem;
    }

    /** Sends a graded answer to {@code itemId} as a record keyed {@code key} (the key picks the partition). */
    private static String sendAnswer(String user, String key, String itemId, boolean correct, long latencyMs) {
        var answer = new AnswerGraded(UUID.randomUUID().toString(), "acme", user, itemId, "quiz-1", correct, latencyMs, "x", Instant.now());
        String json = EventCodec.toJson(EventCodec.envelope("/quiz-service", key, "acme", answer, Instant.now()));
        KafkaTestClient.send(bootstrap(), Topics.ANSWERS, key, json);
        return json;
    }

    @Test
    void cardsArePagedExactlyByLimitAndForgetStartsACardAgain() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        enroll(learner, publishItems("acme", "alice", "tenant", 3));
        String card = awaitDue(learner, 3).get(0);

        var first = given().auth().oauth2(learner).queryParam("limit", 2).when().get("/api/v1/cards").then().statusCode(200)
                .body("items", hasSize(2)).extract();
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotNull();
        var second = given().auth().oauth2(learner).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/cards")
                .then().statusCode(200).body("items", hasSize(1)).extract();
        assertThat(second.<String>path("nextCursor")).isNull();
        List<String> seen = new java.util.ArrayList<>(first.<List<String>>path("items.cardId"));
        seen.addAll(second.<List<String>>path("items.cardId"));
        assertThat(seen).doesNotHaveDuplicates().hasSize(3).contains(card);

        Instant at = Instant.now().minus(Duration.ofMinutes(5));
        review(learner, card, 4, at);
        given().auth().oauth2(learner).when().get("/api/v1/cards/" + card).then().body("state", equalTo("REVIEW")).body("reps", equalTo(1));
        Instant beforeForget = Instant.now().minusSeconds(1);
        var forgotten = given().auth().oauth2(learner).when().post("/api/v1/cards/" + card + "/forget").then().statusCode(200)
                .body("state", equalTo("NEW")).body("reps", equalTo(0)).body("stability", equalTo(0.0f))
                .body("scheduledDays", equalTo(0)).body("lastReview", org.hamcrest.Matchers.nullValue()).extract();
        assertThat(Instant.parse(forgotten.<String>path("due"))).isAfter(beforeForget).isBefore(Instant.now().plusSeconds(1));
        given().auth().oauth2(learner).when().get("/api/v1/reviews/due").then().body("cardId", org.hamcrest.Matchers.hasItem(card));
    }

    @Test
    void suspendedCardsLeaveTheQueueAndOnlyTheirLearnerCanTouchThem() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String other = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        enroll(learner, publishItems("acme", "alice", "tenant", 2));
        String card = awaitDue(learner, 2).get(0);
        given().auth().oauth2(other).when().post("/api/v1/cards/" + card + "/suspend").then().statusCode(404);
        given().auth().oauth2(learner).when().post("/api/v1/cards/" + card + "/suspend").then().statusCode(200).body("suspended", equalTo(true));
        given().auth().oauth2(learner).when().get("/api/v1/reviews/due").then().body("", hasSize(1));
        given().auth().oauth2(learner).when().post("/api/v1/cards/" + card + "/unsuspend").then().statusCode(200);
        given().auth().oauth2(learner).when().post("/api/v1/cards/" + card + "/bury").then().statusCode(200);
        given().auth().oauth2(learner).when().get("/api/v1/reviews/due").then().body("", hasSize(1));
        given().auth().oauth2(learner).when().get("/api/v1/cards?cursor=nonsense").then().statusCode(400);
    }

    @Test
    void changingRetentionReschedulesByReplayAndStatsCountTheReviews() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        enroll(learner, publishItems("acme", "alice", "tenant", 1));
        String card = awaitDue(learner, 1).get(0);
        Instant at = Instant.now().minus(Duration.ofMinutes(5));
        review(learner, card, 1, at);
        review(learner, card, 4, at.plus(Duration.ofMinutes(1)));
        int before = given().auth().oauth2(learner).when().get("/api/v1/cards/" + card).then().statusCode(200)
                .body("state", equalTo("REVIEW")).extract().path("scheduledDays");

        Map<String, Object> lower = settings(20);
        lower.put("timeZone", "UTC");
        lower.put("desiredRetention", 0.75);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(lower).when().put("/api/v1/settings?reschedule=true")
                .then().statusCode(200).body("rescheduledCards", equalTo(1));
        int after = given().auth().oauth2(learner).when().get("/api/v1/cards/" + card).then().extract().path("scheduledDays");
        assertThat(after).as("lower retention gives a longer interval").isGreaterThan(before);

        given().auth().oauth2(learner).when().get("/api/v1/stats").then().statusCode(200)
                .body("reviewsPerDay[-1].count", equalTo(2))
                .body("streakDays", equalTo(1))
                .body("masteryByTag.find { it.key == 'python' }.cards", equalTo(1))
                .body("masteryBySection[0].reviewedCards", equalTo(1))
                .body("forecast.size()", greaterThan(0));
    }

    @Test
    void metricsExposeLatencyHistogramsForTheP99Alert() {
        given().auth().oauth2(TOKENS.learner("acme", "l-metrics")).when().get("/api/v1/settings").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests_seconds_bucket"));
    }
}
