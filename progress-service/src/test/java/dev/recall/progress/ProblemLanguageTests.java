package dev.recall.progress;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.testing.ProblemAnswers.assertProblem;
import static dev.recall.progress.ReviewFlowTests.TOKENS;
import static dev.recall.progress.ReviewFlowTests.awaitDue;
import static dev.recall.progress.ReviewFlowTests.enroll;
import static dev.recall.progress.ReviewFlowTests.publishItems;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** progress-service's problems in English by default and in Chinese for Accept-Language zh-CN; the type never changes. */
@QuarkusTest
class ProblemLanguageTests {

    @Test
    void reviewProblemsInBothLanguages() {
        String tenant = "t-" + UUID.randomUUID();
        String learner = TOKENS.learner(tenant, "l-" + UUID.randomUUID());
        UUID card = UUID.randomUUID();
        assertProblem(given().auth().oauth2(learner).header("Accept-Language", "zh-CN").get("/api/v1/cards/" + card), 404, "not-found",
                "zh-Hans", "未找到", "卡片 " + card + " 不存在，或你无权查看");
        assertProblem(given().auth().oauth2(learner).get("/api/v1/cards/" + card), 404, "not-found", "en", "Not found",
                "card " + card + " does not exist or is not visible to you");

        Map<String, Object> five = Map.of("cardId", card.toString(), "rating", 5);
        Response zh = given().auth().oauth2(learner).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(five)
                .post("/api/v1/reviews");
        assertProblem(zh, 400, "validation", "zh-Hans", "请求无效", "rating：必须是 1（重来）、2（困难）、3（良好）或 4（简单）");
        assertThat(zh.jsonPath().getString("errors[0].message")).isEqualTo("必须是 1（重来）、2（困难）、3（良好）或 4（简单）");
        Response en = given().auth().oauth2(learner).contentType(ContentType.JSON).body(five).post("/api/v1/reviews");
        assertProblem(en, 400, "validation", "en", "Invalid request", "rating: must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)");

        Map<String, Object> settings = new java.util.HashMap<>(given().auth().oauth2(learner).get("/api/v1/settings").then().statusCode(200)
                .extract().as(Map.class));
        settings.put("timeZone", "Mars/Olympus");
        assertProblem(given().auth().oauth2(learner).header("Accept-Language", "zh").contentType(ContentType.JSON)
                .body(settings).put("/api/v1/settings"), 400, "validation", "zh-Hans", "请求无效",
                "'Mars/Olympus' 不是 IANA 时区");

        String noteId = publishItems(tenant, "alice", "tenant", 1, List.of("python"));
        enroll(learner, noteId);
        String cardId = awaitDue(learner, 1).get(0);
        String reviewId = given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("cardId", cardId, "rating", 3))
                .post("/api/v1/reviews").then().statusCode(201).extract().path("reviewId");
        given().auth().oauth2(learner).post("/api/v1/reviews/" + reviewId + "/undo").then().statusCode(200);
        assertProblem(given().auth().oauth2(learner).header("Accept-Language", "zh-CN").post("/api/v1/reviews/" + reviewId + "/undo"),
                409, "review-already-undone", "zh-Hans", "复习已被撤销", "复习记录 " + reviewId + " 已经撤销过了");
        assertProblem(given().auth().oauth2(learner).post("/api/v1/reviews/" + reviewId + "/undo"),
                409, "review-already-undone", "en", "Review already undone", "review " + reviewId + " was undone already");
    }
}
