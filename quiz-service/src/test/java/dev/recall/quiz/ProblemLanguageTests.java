package dev.recall.quiz;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.testing.ProblemAnswers.assertProblem;
import static dev.recall.quiz.NoteToItemsTests.TOKENS;
import static io.restassured.RestAssured.given;

/** quiz-service's problems in English by default and in Chinese for Accept-Language zh-CN; the type never changes. */
@QuarkusTest
class ProblemLanguageTests {

    @Test
    void quizProblemsInBothLanguages() {
        String learner = TOKENS.learner("t-" + UUID.randomUUID(), "bob");
        String item = UUID.randomUUID() + "-item-0";
        assertProblem(given().auth().oauth2(learner).get("/api/v1/items/" + item), 404, "not-found", "en", "Not found",
                "item " + item + " does not exist or is not visible to you");
        assertProblem(given().auth().oauth2(learner).header("Accept-Language", "zh-CN").get("/api/v1/items/" + item), 404, "not-found",
                "zh-Hans", "未找到", "题目 " + item + " 不存在，或你无权查看");

        Map<String, Object> nothing = Map.of("tags", List.of("no-such-tag-" + UUID.randomUUID()));
        assertProblem(given().auth().oauth2(learner).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(nothing)
                .post("/api/v1/quizzes"), 422, "no-items", "zh-Hans", "没有可供测验的题目", "没有符合");
        assertProblem(given().auth().oauth2(learner).contentType(ContentType.JSON).body(nothing)
                .post("/api/v1/quizzes"), 422, "no-items", "en", "No items to quiz on", "no active item you can see");

        Response type = given().auth().oauth2(learner).header("Accept-Language", "zh-CN;q=0.9, en;q=0.5").queryParam("type", "ESSAY")
                .get("/api/v1/items");
        assertProblem(type, 400, "validation", "zh-Hans", "请求无效", "'ESSAY' 不是");
        Response count = given().auth().oauth2(learner).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(Map.of("count", 99)).post("/api/v1/quizzes");
        assertProblem(count, 400, "validation", "zh-Hans", "请求无效", "count：不能大于 50");

        Response binary = given().auth().oauth2(learner).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(Map.of("markdown", "a\u0001b")).post("/api/v1/generate");
        assertProblem(binary, 400, "invalid-text", "zh-Hans", "文本无效", "控制字符（U+0001）");
        assertProblem(given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("markdown", "a\u0001b")).post("/api/v1/generate"),
                400, "invalid-text", "en", "Invalid text", "control character (U+0001) at character 1");
    }
}
