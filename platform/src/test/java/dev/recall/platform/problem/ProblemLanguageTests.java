package dev.recall.platform.problem;

import dev.recall.testing.security.BadTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.recall.testing.ProblemAnswers.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problems in the caller's language, on the platform's test app: the JAX-RS mappers, the JSON reader, bean
 * validation, the Vert.x-level refusals of RequestGuard, the 401s and the database's constraints all answer in
 * English by default and in Chinese when Accept-Language prefers it, with Content-Language and Vary.
 */
@QuarkusTest
class ProblemLanguageTests {

    static final String ZH = "zh-CN,zh;q=0.9,en;q=0.8";

    static RequestSpecification as(String language) {
        RequestSpecification spec = given().header("Authorization", "Bearer " + BadTokens.signed(c -> { }));
        return language == null ? spec : spec.header("Accept-Language", language);
    }

    @Test
    void unauthorizedAnswersInEitherLanguage() {
        assertProblem(given().get("/api/test/whoami"), 401, "unauthorized", "en", "Unauthorized", "a valid bearer token is required");
        assertProblem(given().header("Accept-Language", "zh-CN").get("/api/test/whoami"), 401, "unauthorized", "zh-Hans", "未认证", "需要有效的 Bearer 令牌");
        String future = BadTokens.all().get("issued in the future");
        assertProblem(given().auth().oauth2(future).get("/api/test/whoami"), 401, "unauthorized", "en", "Unauthorized", "issued in the future");
        assertProblem(given().auth().oauth2(future).header("Accept-Language", "zh").get("/api/test/whoami"), 401, "unauthorized", "zh-Hans",
                "未认证", "签发时间在未来");
    }

    @Test
    void bodyProblemsAnswerInEitherLanguage() {
        Response unknown = as(ZH).contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"red\"}").post("/api/test/samples");
        assertProblem(unknown, 400, "unknown-field", "zh-Hans", "未知字段", "'colour'");
        assertThat(unknown.jsonPath().getString("errors[0].message")).isEqualTo("不是此请求的字段");
        assertProblem(as(null).contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"red\"}").post("/api/test/samples"),
                400, "unknown-field", "en", "Unknown field", "does not know: 'colour'");

        Response blank = as("zh-Hans").contentType(ContentType.JSON).body("{\"name\":\" \"}").post("/api/test/samples");
        assertProblem(blank, 400, "validation", "zh-Hans", "请求无效", "name：不能为空");
        assertThat(blank.jsonPath().getString("errors[0].message")).isEqualTo("不能为空");
        assertProblem(as("en").contentType(ContentType.JSON).body("{\"name\":\" \"}").post("/api/test/samples"),
                400, "validation", "en", "Invalid request", "name: must not be empty");

        assertProblem(as(ZH).contentType(ContentType.JSON).body("{\"name\":").post("/api/test/samples"),
                400, "malformed-json", "zh-Hans", "请求体格式错误", "不是有效的 JSON");
        assertProblem(as(ZH).contentType(ContentType.JSON).body("{\"name\":\"a\",\"limit\":\"abc\"}").post("/api/test/samples"),
                400, "validation", "zh-Hans", "请求无效", "limit：必须是整数");
    }

    @Test
    void theHttpEdgeAnswersInEitherLanguage() {
        assertProblem(as(ZH).urlEncodingEnabled(false).get("/api/test/rows/x?limit=%00"), 400, "invalid-parameter", "zh-Hans",
                "参数无效", "limit：URL 的路径段或参数中含有控制字符");
        assertProblem(as(null).urlEncodingEnabled(false).get("/api/test/rows/x?limit=%00"), 400, "invalid-parameter", "en",
                "Invalid parameter", "limit: the URL holds a control character");
        assertProblem(as(ZH).get("/api/test/rows/" + "x".repeat(9000)), 414, "uri-too-long", "zh-Hans", "URL 过长", "8192");
        assertProblem(as(ZH).contentType(ContentType.JSON).body("{\"name\":\"" + "a".repeat(70_000) + "\"}").post("/api/test/samples"),
                413, "payload-too-large", "zh-Hans", "请求体过大", "请求体超过了本服务接受的");
        assertProblem(as(null).contentType(ContentType.JSON).body("{\"name\":\"" + "a".repeat(70_000) + "\"}").post("/api/test/samples"),
                413, "payload-too-large", "en", "Payload too large", "the body is larger than");
    }

    @Test
    void qValuesDecide() {
        assertProblem(given().header("Accept-Language", "en;q=0.9, zh-CN;q=0.8").get("/api/test/whoami"), 401, "unauthorized", "en",
                "Unauthorized", "bearer token");
        assertProblem(given().header("Accept-Language", "fr, zh;q=0.5, en;q=0.4").get("/api/test/whoami"), 401, "unauthorized", "zh-Hans",
                "未认证", "令牌");
        assertProblem(given().header("Accept-Language", "fr").get("/api/test/whoami"), 401, "unauthorized", "en", "Unauthorized", "token");
    }

    @Test
    void aDatabaseConflictAnswersInEitherLanguage() {
        UUID id = UUID.randomUUID();
        assertThat(as(null).post("/api/test/fixed/" + id).statusCode()).isEqualTo(200);
        assertProblem(as(ZH).post("/api/test/fixed/" + id), 409, "conflict", "zh-Hans", "冲突", "未做任何更改");
        assertProblem(as(null).post("/api/test/fixed/" + id), 409, "conflict", "en", "Conflict", "nothing was changed");
    }
}
