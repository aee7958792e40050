package dev.recall.progress;

import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.progress.enrollment.CardFactory;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/**
 * Card creation is correct under concurrency without a tenant-wide lock: items and enrolments that arrive at
 * the same time still make every card once, and an enrolment in flight holds up only items of its own target.
 */
@QuarkusTest
class CardCreationConcurrencyTests {

    static final Tokens TOKENS = TestKeys.tokens();

    @Test
    void itemsAndEnrolmentsArrivingTogetherMakeEveryCardExactlyOnce() throws Exception {
        String tenant = "race-" + UUID.randomUUID().toString().substring(0, 8);
        int notes = 24;
        List<String> learners = List.of(TOKENS.learner(tenant, "l1"), TOKENS.learner(tenant, "l2"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<?>> work = new ArrayList<>();
            for (int n = 0; n < notes; n++) {
                String tag = "tag-" + n;
                // Both learners follow the note's tag while its items are on their way.
                work.add(CompletableFuture.runAsync(() -> ReviewFlowTests.publishItems(tenant, "alice", "tenant", 2, List.of(tag)), pool));
                for (String learner : learners) {
                    work.add(CompletableFuture.runAsync(() -> given().auth().oauth2(learner).contentType(ContentType.JSON)
                            .body(Map.of("kind", "tag", "target", tag)).when().post("/api/v1/enrollments").then().statusCode(201), pool));
                }
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        for (String learner : learners) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(learner)
                    .queryParam("limit", 200).when().get("/api/v1/cards").then().statusCode(200).body("items", hasSize(notes * 2)));
        }
        try (Connection db = connect(); var rows = db.createStatement().executeQuery(
                "SELECT count(*), count(DISTINCT (user_id, item_id)) FROM card WHERE tenant = '" + tenant + "'")) {
            rows.next();
            assertThat(rows.getLong(1)).as("cards").isEqualTo(notes * 2L * learners.size());
            assertThat(rows.getLong(2)).as("distinct learner/item pairs").isEqualTo(notes * 2L * learners.size());
        }
    }

    @Test
    void anEnrolmentInFlightHoldsUpItemsOfItsTargetOnly() throws Exception {
        String tenant = "hold-" + UUID.randomUUID().toString().substring(0, 8);
        String learner = TOKENS.learner(tenant, "l1");
        String held = "held-tag";
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "tag", "target", held))
                .when().post("/api/v1/enrollments").then().statusCode(201);
        String heldNote;
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            // What an enrolment in the held tag holds until it commits.
            try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, CardFactory.lockKey(tenant, "tag", held));
                lock.execute();
            }
            // Another enrolment of the same tenant does not wait for it (a tenant-wide lock would block here).
            CompletableFuture.runAsync(() -> given().auth().oauth2(learner).contentType(ContentType.JSON)
                    .body(Map.of("kind", "tag", "target", "free-tag")).when().post("/api/v1/enrollments").then().statusCode(201))
                    .get(20, TimeUnit.SECONDS);
            // An item of the held tag waits: no card while the lock is held.
            heldNote = ReviewFlowTests.publishItems(tenant, "alice", "tenant", 1, List.of(held));
            Thread.sleep(3_000);
            assertThat(cardsOfNote(heldNote)).as("no card of the held target while its enrolment is in flight").isZero();
            db.rollback();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(cardsOfNote(heldNote)).isEqualTo(1));
    }

    private static long cardsOfNote(String noteId) throws Exception {
        try (Connection db = connect(); var rows = db.createStatement().executeQuery(
                "SELECT count(*) FROM card c JOIN item_projection i ON i.item_id = c.item_id WHERE i.note_id = '" + noteId + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws Exception {
        return Postgres.fromEnvironment().connect("recall_progress_test" + Postgres.testDatabaseSuffix());
    }
}
