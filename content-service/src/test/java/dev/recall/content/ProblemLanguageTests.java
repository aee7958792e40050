package dev.recall.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.testing.ProblemAnswers.assertProblem;
import static dev.recall.content.ContentFeatureTests.create;
import static dev.recall.content.NoteResourceTests.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** content-service's problems in English by default and in Chinese for Accept-Language zh-CN; the type never changes. */
@QuarkusTest
class ProblemLanguageTests {

    static final String ZH = "zh-CN";

    @Test
    void notFoundPreconditionsAndConflictsInBothLanguages() {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        UUID missing = UUID.randomUUID();
        assertProblem(given().auth().oauth2(author).get("/api/v1/notes/" + missing), 404, "not-found", "en", "Not found",
                "note " + missing + " does not exist or is not visible to you");
        assertProblem(given().auth().oauth2(author).header("Accept-Language", ZH).get("/api/v1/notes/" + missing), 404, "not-found",
                "zh-Hans", "未找到", "笔记 " + missing + " 不存在，或你无权查看");

        String id = create(author, "Closures", "Q?::A\n", List.of("python"), "tenant");
        Map<String, Object> body = Map.of("title", "Closures", "markdown", "Q?::B\n", "visibility", "tenant");
        assertProblem(given().auth().oauth2(author).header("Accept-Language", ZH).contentType(ContentType.JSON).body(body)
                .put("/api/v1/notes/" + id), 428, "precondition-required", "zh-Hans", "缺少前提条件", "If-Match");
        assertProblem(given().auth().oauth2(author).header("Accept-Language", ZH).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(body).put("/api/v1/notes/" + id), 412, "stale-etag", "zh-Hans", "前提条件不满足", "笔记在你读取之后已被修改");
        assertProblem(given().auth().oauth2(author).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(body).put("/api/v1/notes/" + id), 412, "stale-etag", "en", "Precondition failed", "the note changed since you read it");

        String deck = "Deck " + UUID.randomUUID();
        given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("name", deck)).post("/api/v1/decks").then().statusCode(201);
        assertProblem(given().auth().oauth2(author).header("Accept-Language", "zh-Hans").contentType(ContentType.JSON).body(Map.of("name", deck))
                .post("/api/v1/decks"), 409, "deck-exists", "zh-Hans", "卡组已存在", "这里已经有一个名为“" + deck + "”的卡组");
        assertProblem(given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("name", deck))
                .post("/api/v1/decks"), 409, "deck-exists", "en", "Deck exists", "you already have a deck named '" + deck + "' here");
    }

    @Test
    void badInputInBothLanguages() {
        String author = TOKENS.author("t-" + UUID.randomUUID(), "alice");
        Response limit = given().auth().oauth2(author).header("Accept-Language", ZH).queryParam("limit", "abc").get("/api/v1/notes");
        assertProblem(limit, 400, "validation", "zh-Hans", "请求无效", "limit：");
        assertThat(limit.jsonPath().getString("errors[0].message")).contains("整数");

        Response unknown = given().auth().oauth2(author).header("Accept-Language", ZH).contentType(ContentType.JSON)
                .body("{\"title\":\"a\",\"markdown\":\"b\",\"colour\":\"red\"}").post("/api/v1/notes");
        assertProblem(unknown, 400, "unknown-field", "zh-Hans", "未知字段", "'colour'");

        Response invalid = given().auth().oauth2(author).header("Accept-Language", ZH).contentType(ContentType.JSON)
                .body(Map.of("title", " ", "markdown", "x", "visibility", "secret")).post("/api/v1/notes");
        assertProblem(invalid, 400, "validation", "zh-Hans", "请求无效", "title：不能为空");
        assertThat(invalid.jsonPath().getList("errors.field")).isEqualTo(List.of("title", "visibility"));
        assertThat(invalid.jsonPath().getString("errors[1].message")).isEqualTo("必须是 private、tenant 或 public");
        Response english = given().auth().oauth2(author).contentType(ContentType.JSON)
                .body(Map.of("title", " ", "markdown", "x", "visibility", "secret")).post("/api/v1/notes");
        assertProblem(english, 400, "validation", "en", "Invalid request", "title: must not be empty");

        assertProblem(given().auth().oauth2(TOKENS.learner("acme", "bob")).header("Accept-Language", ZH).contentType(ContentType.JSON)
                .body(Map.of("name", "x")).post("/api/v1/decks"), 403, "forbidden", "zh-Hans", "无权操作", "");
        assertProblem(given().header("Accept-Language", ZH).get("/api/v1/notes"), 401, "unauthorized", "zh-Hans", "未认证", "Bearer");
    }
}
