package dev.recall.platform.auth;

import dev.recall.testing.security.BadTokens;
import dev.recall.testing.security.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's edge over HTTP, on the small app in {@code TestApp}: which tokens are refused, and how bodies,
 * parameters and request lines that no endpoint can use are answered (a 4xx problem, never a 500 or an empty body).
 */
@QuarkusTest
class IdentityAndInputTests {

    static RequestSpecification as(String token) {
        RequestSpecification spec = given();
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    static String good() {
        return BadTokens.signed(c -> { });
    }

    static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, Object> body = response.as(Map.class);
        assertThat(body).containsKeys("type", "title", "status");
        assertThat(body.get("status")).isEqualTo(status);
        assertThat(response.asString()).doesNotContain("dev.recall", "java.", "com.fasterxml", "Jackson", "FAIL_ON", "Exception");
    }

    @Test
    void everyBadTokenIsA401WithABearerChallenge() {
        for (var bad : BadTokens.all().entrySet()) {
            for (String path : new String[]{"/api/test/whoami", "/api/test/anonymousish"}) {
                Response response = as(bad.getValue()).get(path);
                assertThat(response.statusCode()).as(bad.getKey() + " on " + path).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).as(bad.getKey()).startsWith("Bearer");
                assertProblem(response, 401);
            }
        }
    }

    @Test
    void aGoodTokenNamesItsTenantExactly() {
        Response response = as(good()).get("/api/test/whoami");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("tenant")).isEqualTo("acme");
        assertThat(response.jsonPath().getString("user")).isEqualTo("alice");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Inject
    JWTParser parser;

    @Test
    void theServiceKeepsWhatItVerified() throws Exception {
        String token = good();
        JsonWebToken first = parser.parse(token);
        assertThat(first).isInstanceOf(CachingPrincipalFactory.KnownClaimsPrincipal.class);
        assertThat(parser.parse(token)).isSameAs(first);
    }

    @Test
    void aTokenSeenBeforeWithOneCharacterOfItsSignatureChangedIsRefused() {
        String token = good();
        assertThat(as(token).get("/api/test/whoami").statusCode()).isEqualTo(200);
        int at = token.lastIndexOf('.') + 20;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertProblem(as(forged).get("/api/test/whoami"), 401);
        assertThat(as(token).get("/api/test/whoami").statusCode()).isEqualTo(200);
    }

    Response post(String json) {
        return as(good()).contentType(ContentType.JSON).body(json).post("/api/test/samples");
    }

    @Test
    void bodiesAreReadStrictly() {
        assertThat(post("{\"name\":\"a\",\"tags\":[\"x\"],\"limit\":3,\"at\":\"2026-01-01T00:00:00Z\"}").statusCode()).isEqualTo(200);

        Response duplicate = post("{\"name\":\"a\",\"parentId\":null,\"parentId\":null}");
        assertProblem(duplicate, 400);
        assertThat(duplicate.jsonPath().getString("type")).endsWith("/duplicate-key");
        Response unknown = post("{\"name\":\"a\",\"colour\":\"red\"}");
        assertProblem(unknown, 400);
        assertThat(unknown.jsonPath().getString("type")).endsWith("/unknown-field");
        assertThat(unknown.jsonPath().getString("detail")).contains("colour");

        assertThat(post("{\"name\":\"a\",\"kind\":\"DECK\",\"flag\":false}").statusCode()).isEqualTo(200);
        Map<String, String> wrong = new java.util.LinkedHashMap<>(Map.of(
                "{\"name\":123}", "name",
                "{\"name\":true}", "name",
                "{\"name\":\"a\",\"limit\":\"3\"}", "limit",
                "{\"name\":\"a\",\"limit\":true}", "limit",
                "{\"name\":\"a\",\"kind\":0}", "kind",
                "{\"name\":\"a\",\"flag\":\"true\"}", "flag",
                "{\"name\":\"a\",\"flag\":1}", "flag",
                "{\"name\":\"a\",\"tags\":[1]}", "tags[0]",
                "{\"name\":\"a\",\"at\":1767225600}", "at",
                "{\"name\":\"a\",\"limit\":1.5}", "limit"));
        wrong.putAll(Map.of(
                "{\"name\":\"a\",\"tags\":[null]}", "tags[0]",
                "{\"name\":\"a\\u0000b\"}", "name",
                "{\"name\":\"a\\ud800\"}", "name",
                "{\"name\":\"a\",\"parentId\":\"\"}", "parentId",
                "{\"name\":\"a\",\"parentId\":\"\\u0000\"}", "parentId",
                "{\"name\":\"a\",\"limit\":\"abc\"}", "limit",
                "{\"name\":\"a\",\"at\":\"2026-01-01T00:00:00\"}", "at",
                "{\"name\":\"a\",\"tags\":\"x\"}", "tags"));
        for (var body : wrong.entrySet()) {
            Response response = post(body.getKey());
            assertProblem(response, 400);
            assertThat(response.jsonPath().getString("detail")).as(body.getKey()).contains(body.getValue());
        }
        for (String broken : new String[]{"{", "{\"name\":", "[1,2]", "\"text\"", "{\"name\":\"a\"} trailing", "{'name':'a'}",
                "[".repeat(5000) + "]".repeat(5000)}) {
            assertProblem(post(broken), 400);
        }
        Response notUtf8 = as(good()).contentType("application/json").body(new byte[]{'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})
                .post("/api/test/samples");
        assertProblem(notUtf8, 400);
        assertProblem(post("{\"name\":\" \"}"), 400);
    }

    @Test
    void requestLinesNoEndpointCanUseAreRefusedWithAProblem() {
        assertProblem(as(good()).urlEncodingEnabled(false).get("/api/test/rows/%00"), 400);
        assertProblem(as(good()).urlEncodingEnabled(false).get("/api/test/rows/x?limit=%00"), 400);
        assertProblem(as(good()).urlEncodingEnabled(false).get("/api/test/rows/%C3%28"), 400);
        assertProblem(as(good()).get("/api/test/rows/x?limit=abc"), 400);
        assertProblem(as(good()).get("/api/test/rows/" + "x".repeat(9000)), 414);
        assertProblem(as(good()).header("X-Padding", "p".repeat(40_000)).get("/api/test/whoami"), 431);
        assertProblem(as(good()).contentType(ContentType.JSON).body("{\"name\":\"" + "a".repeat(70_000) + "\"}").post("/api/test/samples"), 413);

        // What no URI parser accepts, sent as raw bytes (HTTP clients refuse to): a problem, not Quarkus's bare 400.
        RawHttp raw = new RawHttp("127.0.0.1", io.restassured.RestAssured.port);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + good());
        for (String target : new String[]{"/api/test/rows/%zz", "/api/test/rows/x?limit=%", "/api/test/rows/a|b", "/api/test/rows/{x}",
                "/api/test/rows/a\"b", "/api/test/rows/x?limit=<1>"}) {
            RawHttp.Reply reply = raw.send("GET", target, auth, null);
            assertThat(reply.status()).as(target).isEqualTo(400);
            assertThat(reply.header("Content-Type")).as(target).startsWith("application/problem+json");
            assertThat(reply.text()).as(target).contains("\"status\":400");
            if (target.contains("?")) { // the parameter, or at least the query, is named: not the path
                assertThat(reply.text()).as(target).doesNotContain("\"field\":\"path\"").containsPattern("\"field\":\"(query|limit)\"");
            } else {
                assertThat(reply.text()).as(target).contains("\"field\":\"path\"");
            }
        }
        // A body without a declared length is held to the same limit while it is read.
        Map<String, String> chunked = Map.of("Authorization", "Bearer " + good(), "Content-Type", "application/json", "Transfer-Encoding", "chunked");
        RawHttp.Reply tooBig = raw.send("POST", "/api/test/samples", chunked,
                ("{\"name\":\"" + "a".repeat(200_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aUniqueKeyTheDatabaseEnforcesIsAConflictNotA500() {
        UUID id = UUID.randomUUID();
        assertThat(as(good()).post("/api/test/fixed/" + id).statusCode()).isEqualTo(200);
        assertProblem(as(good()).post("/api/test/fixed/" + id), 409);
    }
}
