package dev.recall.progress;

import dev.recall.testing.security.RowCounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.progress.ReviewFlowTests.TOKENS;
import static dev.recall.progress.ReviewFlowTests.awaitDue;
import static dev.recall.progress.ReviewFlowTests.enroll;
import static dev.recall.progress.ReviewFlowTests.publishItems;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenancy matrix of progress-service: a learner's enrolments, cards, reviews, settings and statistics are theirs
 * alone. Callers from another tenant (admin, author, learner) and from the same tenant (another learner, another
 * author, and its admin, who administers content, not other people's study) read none of it and change none of it:
 * every object answers 404 or is left out, and no table changes.
 */
@QuarkusTest
class TenancyTests {

    private static final double OWNERS_RETENTION = 0.83;

    @Test
    void nobodyButTheLearnerReadsOrChangesTheirStudy() {
        String tenant = "ten-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = TOKENS.learner(tenant, "owner-" + UUID.randomUUID());
        String noteId = publishItems(tenant, "author-" + UUID.randomUUID(), "tenant", 2);
        enroll(owner, noteId);
        List<String> cards = awaitDue(owner, 2);
        String reviewId = given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("cardId", cards.get(0), "rating", 3))
                .when().post("/api/v1/reviews").then().statusCode(201).extract().path("reviewId");
        Map<String, Object> settings = given().auth().oauth2(owner).when().get("/api/v1/settings").then().statusCode(200).extract().as(Map.class);
        settings.put("desiredRetention", OWNERS_RETENTION);
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(settings).when().put("/api/v1/settings").then().statusCode(200);
        String enrolment = given().auth().oauth2(owner).when().get("/api/v1/enrollments").then().statusCode(200).extract().path("[0].id");

        var config = ConfigProvider.getConfig();
        RowCounts rows = new RowCounts(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class));
        Map<String, Long> before = rows.snapshot();

        Map<String, String> others = Map.of(
                "other tenant's admin", TOKENS.admin("globex", "root-" + UUID.randomUUID()),
                "other tenant's author", TOKENS.author("globex", "a-" + UUID.randomUUID()),
                "other tenant's learner", TOKENS.learner("globex", "l-" + UUID.randomUUID()),
                "same tenant's other learner", TOKENS.learner(tenant, "l-" + UUID.randomUUID()),
                "same tenant's author", TOKENS.author(tenant, "a-" + UUID.randomUUID()),
                "same tenant's admin", TOKENS.admin(tenant, "root-" + UUID.randomUUID()));
        for (var other : others.entrySet()) {
            String who = other.getKey();
            String token = other.getValue();
            for (String card : cards) {
                assertThat(given().auth().oauth2(token).when().get("/api/v1/cards/" + card).statusCode()).as(who).isEqualTo(404);
                for (String action : List.of("suspend", "unsuspend", "bury", "forget")) {
                    assertNotFound(who + " " + action, given().auth().oauth2(token).when().post("/api/v1/cards/" + card + "/" + action));
                }
                assertNotFound(who + " reviews", given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("cardId", card, "rating", 1)).when().post("/api/v1/reviews"));
            }
            assertNotFound(who + " undoes", given().auth().oauth2(token).when().post("/api/v1/reviews/" + reviewId + "/undo"));

            String cardList = given().auth().oauth2(token).when().get("/api/v1/cards").then().statusCode(200).extract().asString();
            String due = given().auth().oauth2(token).when().get("/api/v1/reviews/due").then().statusCode(200).extract().asString();
            String enrolments = given().auth().oauth2(token).when().get("/api/v1/enrollments").then().statusCode(200).extract().asString();
            for (String seen : List.of(cardList, due, enrolments)) {
                assertThat(seen).as(who).doesNotContain(cards.get(0), cards.get(1), enrolment, noteId, "Question 0");
            }
            Response stats = given().auth().oauth2(token).when().get("/api/v1/stats");
            assertThat(stats.statusCode()).as(who).isEqualTo(200);
            assertThat(stats.jsonPath().getInt("retentionSampleSize")).as(who).isZero();
            assertThat(stats.jsonPath().getList("reviewsPerDay.count", Integer.class)).as(who).allMatch(n -> n == 0);
            assertThat(stats.asString()).as(who).doesNotContain(noteId, "Heading");
            assertThat(given().auth().oauth2(token).when().get("/api/v1/settings").then().statusCode(200).extract()
                    .jsonPath().getDouble("desiredRetention")).as(who).isNotEqualTo(OWNERS_RETENTION);
        }
        assertThat(rows.snapshot()).as("no table changed").isEqualTo(before);

        // The owner still has everything, unchanged.
        given().auth().oauth2(owner).when().get("/api/v1/cards/" + cards.get(1)).then().statusCode(200);
        assertThat(given().auth().oauth2(owner).when().get("/api/v1/settings").then().extract().jsonPath().getDouble("desiredRetention"))
                .isEqualTo(OWNERS_RETENTION);
    }

    private static void assertNotFound(String what, Response response) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(404);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    }
}
