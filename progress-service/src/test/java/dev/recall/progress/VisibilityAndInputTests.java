package dev.recall.progress;

import dev.recall.events.EventCodec;
import dev.recall.events.ItemEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Postgres;
import dev.recall.platform.paging.Cursor;
import dev.recall.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static dev.recall.progress.ReviewFlowTests.TOKENS;
import static dev.recall.progress.ReviewFlowTests.awaitDue;
import static dev.recall.progress.ReviewFlowTests.bootstrap;
import static dev.recall.progress.ReviewFlowTests.enroll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Private stays private in queues, statistics and cards; bad input is a 400 and races end in a replay or a 409. */
@QuarkusTest
class VisibilityAndInputTests {

    private static final String HEADING = "Launch codes";

    /** ItemsUpserted as quiz-service sends it: the same two items, with the note's current visibility. */
    private static void publishNote(String noteId, String author, String visibility, long version) {
        List<ItemEvents.Item> items = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            items.add(new ItemEvents.Item(noteId + "-item-" + i, "BASIC", "Secret question " + i + "?", List.of("swordfish-" + i), null,
                    List.of(HEADING), null, List.of("ops-secret")));
        }
        var data = new ItemEvents.ItemsUpserted(noteId, "acme", author, visibility, "deck-s", version, items);
        KafkaTestClient.send(bootstrap(), Topics.ITEMS, noteId, EventCodec.toJson(EventCodec.envelope("/quiz-service", noteId, "acme", data, Instant.now())));
    }

    private static String review(String token, String card, int rating) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("cardId", card, "rating", rating))
                .when().post("/api/v1/reviews").then().statusCode(201).extract().path("reviewId");
    }

    @Test
    void aNoteMadePrivateLeavesOtherLearnersQueuesStatsAndCardsAndComesBackWhenShared() {
        String noteId = UUID.randomUUID().toString();
        String author = "alice-" + UUID.randomUUID();
        String authorToken = TOKENS.author("acme", author);
        String learner = TOKENS.learner("acme", "bob-" + UUID.randomUUID());
        publishNote(noteId, author, "tenant", 1);
        enroll(learner, noteId);
        enroll(authorToken, noteId);
        List<String> cards = awaitDue(learner, 2);
        String reviewId = review(learner, cards.get(0), 3);
        given().auth().oauth2(learner).when().get("/api/v1/stats").then().statusCode(200)
                .body(containsString(HEADING)).body(containsString("ops-secret"));

        publishNote(noteId, author, "private", 2);
        awaitDue(learner, 0);
        Response stats = given().auth().oauth2(learner).when().get("/api/v1/stats");
        stats.then().statusCode(200).body(not(containsString(HEADING))).body(not(containsString("ops-secret")))
                .body(not(containsString(noteId))).body("forecast", hasSize(0));
        given().auth().oauth2(learner).when().get("/api/v1/reviews/due").then().body(not(containsString("swordfish")));
        given().auth().oauth2(learner).when().get("/api/v1/cards").then().statusCode(200).body("items", hasSize(0));
        for (String card : cards) {
            given().auth().oauth2(learner).when().get("/api/v1/cards/" + card).then().statusCode(404);
            given().auth().oauth2(learner).when().post("/api/v1/cards/" + card + "/forget").then().statusCode(404);
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("cardId", card, "rating", 4))
                    .when().post("/api/v1/reviews").then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(learner).when().post("/api/v1/reviews/" + reviewId + "/undo").then().statusCode(404);
        // The author keeps studying their own private note.
        awaitDue(authorToken, 2);
        given().auth().oauth2(authorToken).when().get("/api/v1/stats").then().body(containsString(HEADING));

        publishNote(noteId, author, "public", 3);
        awaitDue(learner, 1); // the other card was reviewed: learning, due in 10 minutes
        given().auth().oauth2(learner).when().get("/api/v1/stats").then().body(containsString(HEADING));
        given().auth().oauth2(learner).when().get("/api/v1/cards/" + cards.get(0)).then().statusCode(200).body("reps", equalTo(1));
    }

    @Test
    void outOfRangeInstantsAndNumbersAreA400NamingTheField() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String noteId = ReviewFlowTests.publishItems("acme", "alice", "tenant", 1);
        enroll(learner, noteId);
        String card = awaitDue(learner, 1).get(0);
        Map<String, Object> good = Map.of("cardId", card, "rating", 3);
        List<Map<String, Object>> bad = List.of(
                with(good, "reviewedAt", "-200000-01-01T00:00:00Z"), with(good, "reviewedAt", "1969-12-31T23:59:59Z"),
                with(good, "reviewedAt", Instant.now().plus(Duration.ofMinutes(10)).toString()),
                with(good, "reviewedAt", "+200000-01-01T00:00:00Z"),
                with(good, "durationMs", -1), with(good, "durationMs", 86_400_001L), with(good, "durationMs", Long.MAX_VALUE));
        for (Map<String, Object> body : bad) {
            String field = body.containsKey("reviewedAt") ? "reviewedAt" : "durationMs";
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(body).when().post("/api/v1/reviews")
                    .then().statusCode(400).contentType("application/problem+json").body(containsString(field));
        }
        given().auth().oauth2(learner).when().get("/api/v1/cards/" + card).then().body("reps", equalTo(0));
        given().auth().oauth2(learner).when().get("/api/v1/stats").then().statusCode(200);

        for (String days : new String[]{"0", "366", "abc", "-1", "1e3"}) {
            given().auth().oauth2(learner).queryParam("days", days).when().get("/api/v1/stats")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("days"));
        }
        for (String path : new String[]{"/api/v1/reviews/due", "/api/v1/cards"}) {
            for (String limit : new String[]{"abc", "0", "100000", "-3"}) {
                given().auth().oauth2(learner).queryParam("limit", limit).when().get(path)
                        .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
            }
        }
        for (String cursor : new String[]{"%%%", "bm90LWEtY3Vyc29y", Cursor.of("card", "a\u0000b").encode(), Cursor.of("items", "x").encode()}) {
            given().auth().oauth2(learner).queryParam("cursor", cursor).when().get("/api/v1/cards")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(learner).queryParam("state", "NEW\u0000").when().get("/api/v1/cards")
                .then().statusCode(400).contentType("application/problem+json");
        // An id that is not a UUID (or holds NUL) is a bad parameter, as in content and quiz: 400, not 404.
        for (String path : new String[]{"/api/v1/cards/not-a-uuid", "/api/v1/cards/a%00b"}) {
            given().auth().oauth2(learner).urlEncodingEnabled(false).when().get(path).then().statusCode(400).contentType("application/problem+json");
        }

        Map<String, Object> settings = new HashMap<>(given().auth().oauth2(learner).when().get("/api/v1/settings")
                .then().statusCode(200).extract().jsonPath().getMap(""));
        List<Double> weights = new ArrayList<>(List.of(0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
                1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542));
        for (int[] change : new int[][]{{20, 0}, {0, -5}, {4, 1000}}) {
            List<Double> w = new ArrayList<>(weights);
            w.set(change[0], (double) change[1]);
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(with(settings, "weights", w)).when().put("/api/v1/settings")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("weights[" + change[0] + "]"));
        }
        for (Object retention : new Object[]{0.5, 1.0, -1}) {
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(with(settings, "desiredRetention", retention))
                    .when().put("/api/v1/settings").then().statusCode(400).body("errors[0].field", equalTo("desiredRetention"));
        }
        for (Object interval : new Object[]{0, 36501, 99999999999L}) {
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(with(settings, "maximumInterval", interval))
                    .when().put("/api/v1/settings").then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(with(settings, "timeZone", "UTC\u0000"))
                .when().put("/api/v1/settings").then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(with(settings, "learningSteps", List.of("999999d")))
                .when().put("/api/v1/settings").then().statusCode(400).body("errors[0].field", equalTo("learningSteps"));
    }

    @Test
    void statsSurviveRowsStoredOutOfRangeBeforeTheBounds() throws Exception {
        String user = "l-" + UUID.randomUUID();
        String learner = TOKENS.learner("acme", user);
        String noteId = ReviewFlowTests.publishItems("acme", "alice", "tenant", 3);
        enroll(learner, noteId);
        List<String> cards = awaitDue(learner, 3);
        for (String card : cards) {
            review(learner, card, 3);
        }
        // What the unbounded API let in: instants at PostgreSQL's edges and beyond, and a decay of 0.
        try (Connection db = connect(); var sql = db.createStatement()) {
            sql.executeUpdate("UPDATE card SET last_review = '-infinity', due = 'infinity' WHERE id = '" + cards.get(0) + "'");
            sql.executeUpdate("UPDATE card SET last_review = '4713-01-01 00:00:00+00 BC', due = '4713-01-02 00:00:00+00 BC' WHERE id = '" + cards.get(1) + "'");
            sql.executeUpdate("UPDATE card SET last_review = '294276-12-30 00:00:00+00', due = '294276-12-31 00:00:00+00', stability = 'NaN' WHERE id = '" + cards.get(2) + "'");
            sql.executeUpdate("UPDATE review_log SET reviewed_at = '-infinity' WHERE card_id = '" + cards.get(0) + "'");
            sql.executeUpdate("UPDATE review_log SET reviewed_at = 'infinity', duration_ms = " + Long.MAX_VALUE + " WHERE card_id = '" + cards.get(1) + "'");
            sql.executeUpdate("UPDATE review_log SET reviewed_at = '4713-01-01 00:00:00+00 BC' WHERE card_id = '" + cards.get(2) + "'");
        }
        given().auth().oauth2(learner).when().get("/api/v1/stats").then().statusCode(200);
        given().auth().oauth2(learner).queryParam("days", 365).when().get("/api/v1/stats").then().statusCode(200);
        given().auth().oauth2(learner).when().get("/api/v1/reviews/due").then().statusCode(200);
        given().auth().oauth2(learner).when().get("/api/v1/cards").then().statusCode(200);
        try (Connection db = connect(); var sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO learner_settings VALUES ('acme', '" + user + "', 'UTC', 4, 20, 200, 0.9, 36500, '1m 10m', '10m', "
                    + "true, false, '0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,0.1666,0.796,1.4835,0.0614,0.2629,"
                    + "1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0', now())");
        }
        given().auth().oauth2(learner).when().get("/api/v1/stats").then().statusCode(200);
    }

    @Test
    void statsCountAReviewOnTheStudyDayOfAnOffsetZone() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        Map<String, Object> settings = new HashMap<>(given().auth().oauth2(learner).when().get("/api/v1/settings")
                .then().extract().jsonPath().getMap(""));
        settings.put("timeZone", "+14:00");
        settings.put("dayStartHour", 0);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(settings).when().put("/api/v1/settings").then().statusCode(200);
        String noteId = ReviewFlowTests.publishItems("acme", "alice", "tenant", 1);
        enroll(learner, noteId);
        review(learner, awaitDue(learner, 1).get(0), 3);
        // PostgreSQL reads "+14:00" as 14 hours west: the review used to count on a day 28 hours off.
        String today = java.time.LocalDate.now(ZoneId.of("+14:00")).toString();
        given().auth().oauth2(learner).when().get("/api/v1/stats").then().statusCode(200)
                .body("reviewsPerDay", hasSize(1)).body("reviewsPerDay[0].day", equalTo(today));
    }

    @Test
    void anEnrolmentTargetIsStrippedOnceSoSpacesFindTheSameEnrolment() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String noteId = UUID.randomUUID().toString();
        String first = given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", " " + noteId + " "))
                .when().post("/api/v1/enrollments").then().statusCode(201).body("target", equalTo(noteId)).extract().path("id");
        for (String spelling : new String[]{" " + noteId + " ", noteId, "\t" + noteId}) {
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", spelling))
                    .when().post("/api/v1/enrollments").then().statusCode(200).body("id", equalTo(first));
        }
        for (String bad : new String[]{"a\u0000b", "   ", "x".repeat(201)}) {
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", bad))
                    .when().post("/api/v1/enrollments").then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(learner).when().get("/api/v1/enrollments").then().body("", hasSize(1));
    }

    @Test
    void anEnrolmentTargetMustBeAnIdOfItsKindOrATagAndABadOneChangesNothing() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String id = UUID.randomUUID().toString();
        List<String> notIds = List.of("python", "not-a-uuid", id.substring(1), id.replace("-", ""), "{" + id + "}", "urn:uuid:" + id,
                "1-1-1-1-1", id + "x", "g" + id.substring(1));
        for (String kind : List.of("note", "deck")) {
            for (String bad : notIds) {
                given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", kind, "target", bad))
                        .when().post("/api/v1/enrollments").then().statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo("https://recall.dev/problems/validation")).body("errors[0].field", equalTo("target"))
                        .body("detail", containsString("UUID"));
            }
        }
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "tag", "target", "x".repeat(65)))
                .when().post("/api/v1/enrollments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("target"));
        given().auth().oauth2(learner).when().get("/api/v1/enrollments").then().statusCode(200).body("", hasSize(0));

        // A note's id in upper case is the same note: stored as item events name it, so it matches the note's items.
        String noteId = ReviewFlowTests.publishItems("acme", "alice", "tenant", 1);
        String enrolment = given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", noteId.toUpperCase()))
                .when().post("/api/v1/enrollments").then().statusCode(201).body("target", equalTo(noteId)).extract().path("id");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", noteId))
                .when().post("/api/v1/enrollments").then().statusCode(200).body("id", equalTo(enrolment));
        awaitDue(learner, 1);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "deck", "target", " " + id.toUpperCase() + " "))
                .when().post("/api/v1/enrollments").then().statusCode(201).body("target", equalTo(id));
        for (String tag : List.of("x".repeat(64), "C++ 模板", "Python")) {
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "tag", "target", tag))
                    .when().post("/api/v1/enrollments").then().statusCode(201).body("target", equalTo(tag));
        }
        given().auth().oauth2(learner).when().get("/api/v1/enrollments").then().statusCode(200).body("", hasSize(5))
                .body("target", org.hamcrest.Matchers.containsInAnyOrder(noteId, id, "x".repeat(64), "C++ 模板", "Python"));
    }

    @Test
    void fourIdenticalRequestsAtOnceEndInOneEffectAndReplaysOr409s() throws Exception {
        String user = "l-" + UUID.randomUUID();
        String learner = TOKENS.learner("acme", user);
        String noteId = ReviewFlowTests.publishItems("acme", "alice", "tenant", 1);

        List<Integer> enrolments = fourAtOnce(() -> given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("kind", "note", "target", noteId)).when().post("/api/v1/enrollments").statusCode());
        assertThat(enrolments).isSubsetOf(200, 201, 409).filteredOn(s -> s == 201).hasSize(1);
        given().auth().oauth2(learner).when().get("/api/v1/enrollments").then().body("", hasSize(1));

        String card = awaitDue(learner, 1).get(0);
        String key = UUID.randomUUID().toString();
        List<Integer> reviews = fourAtOnce(() -> given().auth().oauth2(learner).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("cardId", card, "rating", 3)).when().post("/api/v1/reviews").statusCode());
        assertThat(reviews).isSubsetOf(201, 409).contains(201);
        given().auth().oauth2(learner).when().get("/api/v1/cards/" + card).then().body("reps", equalTo(1));
        String reviewId = given().auth().oauth2(learner).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("cardId", card, "rating", 3)).when().post("/api/v1/reviews").then().statusCode(201).extract().path("reviewId");
        List<Integer> undos = fourAtOnce(() -> given().auth().oauth2(learner).when().post("/api/v1/reviews/" + reviewId + "/undo").statusCode());
        assertThat(undos).isSubsetOf(200, 409).filteredOn(s -> s == 200).hasSize(1);
        given().auth().oauth2(learner).when().get("/api/v1/cards/" + card).then().body("reps", equalTo(0));

        Map<String, Object> settings = new HashMap<>(given().auth().oauth2(learner).when().get("/api/v1/settings")
                .then().extract().jsonPath().getMap(""));
        settings.put("newCardsPerDay", 7);
        List<Integer> puts = fourAtOnce(() -> given().auth().oauth2(learner).contentType(ContentType.JSON).body(settings)
                .when().put("/api/v1/settings").statusCode());
        assertThat(puts).isSubsetOf(200, 409).contains(200);
        given().auth().oauth2(learner).when().get("/api/v1/settings").then().body("newCardsPerDay", equalTo(7));
    }

    private static List<Integer> fourAtOnce(Supplier<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(request::get);
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Connection connect() throws Exception {
        return Postgres.fromEnvironment().connect("recall_progress_test" + Postgres.testDatabaseSuffix());
    }
}
