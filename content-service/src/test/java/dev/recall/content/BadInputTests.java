package dev.recall.content;

import dev.recall.launchers.Tokens;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odd input against every content endpoint: each request is wrong in one way and must get a 4xx
 * problem+json, never a 5xx, and change nothing. What the platform decides for every service (duplicate keys,
 * unknown fields, Jackson type errors, 414/431) is the generic security suite's; this corpus is what content
 * itself parses: ids, numbers, cursors, query text, note and deck text, moves, imports and archive entries.
 */
@QuarkusTest
class BadInputTests {

    static final Tokens TOKENS = TestKeys.tokens();

    record Outcome(String request, int status, String contentType, String body) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private String author;

    private void probe(String label, Function<RequestSpecification, Response> call) {
        Response r = call.apply(given().auth().oauth2(author).urlEncodingEnabled(true));
        outcomes.add(new Outcome(label, r.statusCode(), r.contentType(), r.asString()));
    }

    private void probeRaw(String label, Function<RequestSpecification, Response> call) {
        Response r = call.apply(given().auth().oauth2(author).urlEncodingEnabled(false));
        outcomes.add(new Outcome(label, r.statusCode(), r.contentType(), r.asString()));
    }

    static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noOddRequestIsA5xxAndEveryRefusalIsAProblemThatChangesNothing() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        author = TOKENS.author(tenant, "alice");
        String note = ContentFeatureTests.create(author, "Probe", "# Probe\n\nQ?::A\n", List.of("p"), "tenant");
        String deck = given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("name", "Probe deck"))
                .when().post("/api/v1/decks").then().statusCode(201).extract().path("id");
        String missing = UUID.randomUUID().toString();
        // under the HTTP layer's 4 KiB request line, so content's own checks answer (414 and 431 are the platform's)
        String longText = "x".repeat(2_000);
        Map<String, Long> before = TenancyTests.rowCounts();

        // query parameters of the lists and the search
        for (String list : List.of("/api/v1/notes", "/api/v1/decks/" + deck + "/notes")) {
            for (String param : List.of("deck", "tag", "author", "cursor", "limit")) {
                probe("GET " + list + "?" + param + "=NUL", s -> s.queryParam(param, "a\u0000b").get(list));
                probe("GET " + list + "?" + param + "=long", s -> s.queryParam(param, longText).get(list));
            }
            probe("GET " + list + "?deck=not-a-uuid", s -> s.queryParam("deck", "not-a-uuid").get(list));
            probe("GET " + list + "?limit=abc", s -> s.queryParam("limit", "abc").get(list));
            probe("GET " + list + "?limit=0", s -> s.queryParam("limit", "0").get(list));
            probe("GET " + list + "?limit=99999999999", s -> s.queryParam("limit", "99999999999").get(list));
            probe("GET " + list + "?deleted=maybe", s -> s.queryParam("deleted", "maybe").get(list));
            for (String raw : List.of("notes|+999999-01-01T00:00:00Z|" + missing, "notes|-200000-01-01T00:00:00Z|" + missing,
                    "notes|2020-01-01T00:00:00Z|not-a-uuid", "notes|2020-01-01T00:00:00Z", "notes|\u0000|\u0000", "search|5")) {
                probe("GET " + list + "?cursor=" + raw, s -> s.queryParam("cursor", cursor(raw)).get(list));
            }
        }
        for (String q : List.of("a\u0000b", longText, "&|!:*()", "'", "\\", "a:*", "!!!", "\"", "<mark>", "-", "or", "装饰器\u0000", "装", "装 饰", "a 装", "\u201c", "🙂", "the", "'装'", "装:*", "\ud800", "x".repeat(200), "装".repeat(200))) {
            probe("GET /search?q=" + q.substring(0, Math.min(q.length(), 20)), s -> s.queryParam("q", q).get("/api/v1/search"));
        }
        for (String param : List.of("deck", "tag", "author", "cursor", "limit")) {
            probe("GET /search?q=probe&" + param + "=NUL", s -> s.queryParam("q", "probe").queryParam(param, "a\u0000b").get("/api/v1/search"));
        }
        for (String raw : List.of("search|-10", "search|99999999999999999999", "search|abc", "notes|5")) {
            probe("GET /search?cursor=" + raw, s -> s.queryParam("q", "probe").queryParam("cursor", cursor(raw)).get("/api/v1/search"));
        }
        probe("GET /search without q", s -> s.get("/api/v1/search"));

        // path ids and version numbers
        for (String id : List.of("not-a-uuid", "%00", "x".repeat(2000), "1-1-1-1-1", missing.toUpperCase())) {
            for (String path : List.of("/api/v1/notes/", "/api/v1/decks/", "/api/v1/exports/decks/")) {
                String suffix = path.equals("/api/v1/decks/") ? "/notes" : path.equals("/api/v1/notes/") ? "/outline" : "";
                probeRaw("GET " + path + id.substring(0, Math.min(id.length(), 12)) + suffix, s -> s.get(path + id + suffix));
            }
        }
        for (String v : List.of("abc", "-1", "0", "99999999999999999999", "9223372036854775807")) {
            probe("GET versions/" + v, s -> s.get("/api/v1/notes/" + note + "/versions/" + v));
        }
        for (String[] fromTo : new String[][]{{"abc", "1"}, {"-1", "1"}, {"0", "0"}, {"1", "99999999999"}, {"1", "-9223372036854775808"}, {"9223372036854775807", "1"}}) {
            probe("GET diff?from=" + fromTo[0] + "&to=" + fromTo[1],
                    s -> s.queryParam("from", fromTo[0]).queryParam("to", fromTo[1]).get("/api/v1/notes/" + note + "/diff"));
        }
        for (String raw : List.of("versions|-5", "versions|abc", "versions|99999999999999999999")) {
            probe("GET versions?cursor=" + raw, s -> s.queryParam("cursor", cursor(raw)).get("/api/v1/notes/" + note + "/versions"));
        }
        probe("GET note If-None-Match garbage", s -> s.header("If-None-Match", "\"\u00ff\u0001").get("/api/v1/notes/" + note));

        // note bodies
        List<String> noteBodies = List.of(
                "{\"title\":\"a\",\"markdown\":\"b\",\"tags\":[null]}",
                "{\"title\":\"a\",\"markdown\":\"b\",\"tags\":[\"a\\u0000\"]}",
                "{\"title\":\"a\\u0000\",\"markdown\":\"b\"}",
                "{\"title\":\"a\",\"markdown\":\"b\\u0000\"}",
                "{\"title\":\"a\",\"markdown\":\"b\",\"deckId\":\"\\u0000\"}",
                "{\"title\":\"a\",\"markdown\":\"b\",\"deckId\":\"not-a-uuid\"}",
                "{\"title\":\"a\",\"markdown\":\"b\",\"deckId\":\"" + missing + "\"}",
                "{\"title\":\"a\",\"markdown\":\"b\",\"language\":\"en\\u0000\"}",
                "{\"title\":\"a\",\"markdown\":\"b\",\"visibility\":\"tenant\\u0000\"}",
                "{\"title\":\"a\",\"markdown\":\"b\",\"tags\":[" + String.join(",", Collections.nCopies(60, "\"t\"")) + "]}",
                "{\"title\":\"\\ud800\",\"markdown\":\"b\"}",
                "null", "", "{", "{\"title\":\"" + "t".repeat(400) + "\",\"markdown\":\"b\"}");
        for (String body : noteBodies) {
            probe("POST /notes " + body.substring(0, Math.min(body.length(), 60)),
                    s -> s.contentType(ContentType.JSON).body(body).post("/api/v1/notes"));
            probe("PUT /notes " + body.substring(0, Math.min(body.length(), 60)),
                    s -> s.contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/api/v1/notes/" + note));
        }
        probe("POST /notes Idempotency-Key long", s -> s.contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(300))
                .body(Map.of("title", "a", "markdown", "b")).post("/api/v1/notes"));
        probe("POST /notes as text/plain", s -> s.contentType(ContentType.TEXT).body("hello").post("/api/v1/notes"));
        List<String> patches = List.of("{\"tags\":[null]}", "{\"title\":null}", "{\"markdown\":null}", "{\"deckId\":5}",
                "{\"deckId\":\"\\u0000\"}", "{\"deckId\":\"not-a-uuid\"}", "{\"visibility\":\"nope\"}", "{\"title\":\"a\\u0000\"}",
                "[]", "\"x\"", "{\"id\":\"" + missing + "\"}", "{\"tags\":[1,{}]}", "{\"tags\":\"x\"}", "{\"title\":{}}");
        for (String body : patches) {
            probe("PATCH /notes " + body, s -> s.contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(body)
                    .patch("/api/v1/notes/" + note));
        }
        for (String ifMatch : List.of("\"abc\"", "W/", "\"99999999999999999999\"", "\"", ",,,", "*x")) {
            probe("DELETE If-Match " + ifMatch, s -> s.header("If-Match", ifMatch).delete("/api/v1/notes/" + note));
            probe("PATCH If-Match " + ifMatch, s -> s.contentType(ContentType.JSON).header("If-Match", ifMatch).body("{\"title\":\"x\"}")
                    .patch("/api/v1/notes/" + note));
        }
        probe("POST restore of a live note", s -> s.post("/api/v1/notes/" + note + "/restore"));

        // deck bodies
        List<String> deckBodies = List.of("{\"name\":\"a\\u0000\"}", "{\"name\":\"x\",\"parentId\":\"" + missing + "\"}",
                "{\"name\":\"" + longText + "\"}", "{\"name\":\"a\\u0001b\"}", "{\"name\":\"a/b\"}", "{\"name\":\"  \"}",
                "{\"name\":\"\\ud800\"}", "{\"name\":\"\\u202e\\u0007\"}");
        for (String body : deckBodies) {
            probe("POST /decks " + body.substring(0, Math.min(body.length(), 60)), s -> s.contentType(ContentType.JSON).body(body).post("/api/v1/decks"));
            probe("PATCH /decks " + body.substring(0, Math.min(body.length(), 60)), s -> s.contentType(ContentType.JSON).body(body).patch("/api/v1/decks/" + deck));
        }
        for (String body : List.of("{\"parentId\":\"" + deck + "\"}", "{\"name\":\"\"}")) {
            probe("PATCH /decks " + body, s -> s.contentType(ContentType.JSON).body(body).patch("/api/v1/decks/" + deck));
        }
        List<String> moves = List.of("{\"noteIds\":[null]}", "{\"noteIds\":[]}", "{\"noteIds\":[\"" + missing + "\"]}",
                "{\"noteIds\":null}", "{\"noteIds\":[\"\\u0000\"]}",
                "{\"noteIds\":[" + String.join(",", IntStream.range(0, 501).mapToObj(i -> "\"" + UUID.randomUUID() + "\"").toList()) + "]}");
        for (String body : moves) {
            probe("POST /decks/{id}/notes " + body.substring(0, Math.min(body.length(), 60)),
                    s -> s.contentType(ContentType.JSON).body(body).post("/api/v1/decks/" + deck + "/notes"));
        }
        probe("POST /decks/{missing}/notes", s -> s.contentType(ContentType.JSON).body("{\"noteIds\":[\"" + note + "\"]}")
                .post("/api/v1/decks/" + missing + "/notes"));
        probe("POST /decks/{missing}/republish", s -> s.post("/api/v1/decks/" + missing + "/republish"));

        // imports
        probe("POST /imports name=NUL", s -> s.contentType("text/markdown").queryParam("name", "a\u0000.md").body("# x\n").post("/api/v1/imports"));
        probe("POST /imports name=long", s -> s.contentType("text/markdown").queryParam("name", longText).body("\n").post("/api/v1/imports"));
        probe("POST /imports visibility=bogus", s -> s.contentType("text/markdown").queryParam("visibility", "bogus").body("# x\n").post("/api/v1/imports"));
        probe("POST /imports visibility=NUL", s -> s.contentType("text/markdown").queryParam("visibility", "tenant\u0000").body("# x\n").post("/api/v1/imports"));
        probe("POST /imports NUL byte", s -> s.contentType("text/markdown").body(new byte[]{'#', ' ', 0, '\n'}).post("/api/v1/imports"));
        probe("POST /imports invalid UTF-8", s -> s.contentType("text/markdown").body(new byte[]{'#', ' ', (byte) 0xC3, '\n'}).post("/api/v1/imports"));
        probe("POST /imports empty", s -> s.contentType("text/markdown").body(new byte[0]).post("/api/v1/imports"));
        probe("POST /imports json", s -> s.contentType(ContentType.JSON).body("{}").post("/api/v1/imports"));
        probe("POST /imports broken zip", s -> s.contentType("application/zip").body(new byte[]{'P', 'K', 3, 4, 1, 2}).post("/api/v1/imports"));
        Map<String, String> slipping = new LinkedHashMap<>();
        slipping.put("../slip.md", "# x\n");
        slipping.put("a/../../slip.md", "# x\n");
        slipping.put("/abs.md", "# x\n");
        slipping.put("C:/win.md", "# x\n");
        slipping.put("a\\..\\..\\slip.md", "# x\n");
        slipping.put("ctl\u0001/x.md", "# x\n");
        slipping.put("f".repeat(300) + "/x.md", "# x\n");
        slipping.put("./x.md", "# x\n");
        for (var e : slipping.entrySet()) {
            byte[] zip = ContentFeatureTests.zip(Map.of(e.getKey(), e.getValue()));
            probe("POST /imports zip entry " + e.getKey().substring(0, Math.min(e.getKey().length(), 40)),
                    s -> s.contentType("application/zip").body(zip).post("/api/v1/imports"));
        }

        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Outcome o : outcomes) {
            report.append(o.status()).append("  ").append(o.request()).append("  ").append(o.body().length() > 160 ? o.body().substring(0, 160) : o.body()).append('\n');
            boolean problem = o.contentType() != null && o.contentType().startsWith("application/problem+json");
            if (o.status() >= 500 || o.status() < 400 && !o.request().startsWith("GET") || o.status() >= 400 && !problem) {
                failures.add(o.status() + " " + o.contentType() + " " + o.request() + " -> " + o.body());
            }
        }
        System.out.println("BAD-INPUT REPORT\n" + report);
        assertThat(failures).as("5xx, accepted writes or non-problem refusals").isEmpty();
        assertThat(TenancyTests.rowCounts()).as("nothing written").isEqualTo(before);
    }
}
