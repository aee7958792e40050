package dev.recall.content;

import dev.recall.launchers.Tokens;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Content's own parsing of ids, numbers and text in paths, queries and bodies: each wrong value is a 400
 * problem naming it (not a 404 from the framework, not a 500 from the database) and nothing is written.
 */
@QuarkusTest
class ContentInputTests {

    static final Tokens TOKENS = TestKeys.tokens();

    @Test
    void garbageIdsNumbersAndTextInParametersAre400Problems() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        String note = ContentFeatureTests.create(author, "Params", "# Params\n\nQ?::A\n", List.of("p"), "tenant");
        String deck = DeckRulesTests.deck(author, "Params", null);
        var before = TenancyTests.rowCounts();

        List<String> wrong = new ArrayList<>();
        record Call(String label, Response response) {
        }
        List<Call> calls = new ArrayList<>();
        for (String param : List.of("deck", "tag", "author")) {
            calls.add(new Call("notes " + param + " NUL", given().auth().oauth2(author).queryParam(param, "a\u0000b").get("/api/v1/notes")));
            calls.add(new Call("search " + param + " NUL", given().auth().oauth2(author).queryParam("q", "params").queryParam(param, "a\u0000b").get("/api/v1/search")));
            calls.add(new Call("notes " + param + " long", given().auth().oauth2(author).queryParam(param, "x".repeat(300)).get("/api/v1/notes")));
        }
        calls.add(new Call("notes deck not a uuid", given().auth().oauth2(author).queryParam("deck", "not-a-uuid").get("/api/v1/notes")));
        calls.add(new Call("search q NUL", given().auth().oauth2(author).queryParam("q", "a\u0000b").get("/api/v1/search")));
        calls.add(new Call("search q CJK NUL", given().auth().oauth2(author).queryParam("q", "装饰器\u0000").get("/api/v1/search")));
        for (String limit : List.of("abc", "0", "101", "99999999999", "-1", "1.5")) {
            calls.add(new Call("notes limit " + limit, given().auth().oauth2(author).queryParam("limit", limit).get("/api/v1/notes")));
            calls.add(new Call("search limit " + limit, given().auth().oauth2(author).queryParam("q", "params").queryParam("limit", limit).get("/api/v1/search")));
            calls.add(new Call("deck notes limit " + limit, given().auth().oauth2(author).queryParam("limit", limit).get("/api/v1/decks/" + deck + "/notes")));
            calls.add(new Call("versions limit " + limit, given().auth().oauth2(author).queryParam("limit", limit).get("/api/v1/notes/" + note + "/versions")));
        }
        for (String id : List.of("not-a-uuid", "%00", "1-1-1-1-1", "x".repeat(500))) {
            for (String path : List.of("/api/v1/notes/" + id, "/api/v1/notes/" + id + "/outline", "/api/v1/notes/" + id + "/versions",
                    "/api/v1/decks/" + id + "/notes", "/api/v1/exports/decks/" + id)) {
                calls.add(new Call("GET " + path, given().auth().oauth2(author).urlEncodingEnabled(false).get(path)));
            }
            calls.add(new Call("DELETE note " + id, given().auth().oauth2(author).urlEncodingEnabled(false).delete("/api/v1/notes/" + id)));
            calls.add(new Call("PATCH deck " + id, given().auth().oauth2(author).urlEncodingEnabled(false).contentType(ContentType.JSON)
                    .body(Map.of("name", "x")).patch("/api/v1/decks/" + id)));
            calls.add(new Call("republish " + id, given().auth().oauth2(author).urlEncodingEnabled(false).post("/api/v1/decks/" + id + "/republish")));
        }
        for (String v : List.of("abc", "0", "-1", "99999999999999999999", "9223372036854775807")) {
            calls.add(new Call("version " + v, given().auth().oauth2(author).get("/api/v1/notes/" + note + "/versions/" + v)));
            calls.add(new Call("diff from " + v, given().auth().oauth2(author).queryParam("from", v).queryParam("to", "1").get("/api/v1/notes/" + note + "/diff")));
            calls.add(new Call("diff to " + v, given().auth().oauth2(author).queryParam("to", v).get("/api/v1/notes/" + note + "/diff")));
        }
        calls.add(new Call("deck name NUL", given().auth().oauth2(author).contentType(ContentType.JSON).body("{\"name\":\"a\\u0000\"}").post("/api/v1/decks")));
        calls.add(new Call("deck name control", given().auth().oauth2(author).contentType(ContentType.JSON).body("{\"name\":\"a\\u0001b\"}").post("/api/v1/decks")));
        calls.add(new Call("deck rename NUL", given().auth().oauth2(author).contentType(ContentType.JSON).body("{\"name\":\"a\\u0000\"}").patch("/api/v1/decks/" + deck)));
        calls.add(new Call("move [null]", given().auth().oauth2(author).contentType(ContentType.JSON).body("{\"noteIds\":[null]}").post("/api/v1/decks/" + deck + "/notes")));
        calls.add(new Call("import name NUL", given().auth().oauth2(author).contentType("text/markdown").queryParam("name", "a\u0000.md").body("no heading\n").post("/api/v1/imports")));
        for (Call call : calls) {
            Response r = call.response();
            if (r.statusCode() != 400 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                wrong.add(r.statusCode() + " " + call.label() + " " + r.asString());
            }
        }
        assertThat(wrong).as("not a 400 problem").isEmpty();
        assertThat(TenancyTests.rowCounts()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aDeckIdInAnyCaseFilesTheNoteUnderTheOneStoredSpelling() {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        String deck = DeckRulesTests.deck(author, "Case", null);
        String note = DeckRulesTests.noteIn(author, "Upper", deck.toUpperCase());
        given().auth().oauth2(author).when().get("/api/v1/notes/" + note).then().statusCode(200).body("deckId", equalTo(deck));
        given().auth().oauth2(author).queryParam("deck", deck.toUpperCase()).when().get("/api/v1/notes")
                .then().statusCode(200).body("items.id", equalTo(List.of(note)));
        given().auth().oauth2(author).when().get("/api/v1/decks/" + deck.toUpperCase() + "/notes")
                .then().statusCode(200).body("items.id", equalTo(List.of(note)));
        // the same deck spelt otherwise is no move: no new version
        given().auth().oauth2(author).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("deckId", deck.toUpperCase())).when().patch("/api/v1/notes/" + note).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aMergePatchOfTheWrongTypeNamesTheMemberAndNoInternalClass() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        String note = ContentFeatureTests.create(author, "Typed", "# Typed\n", List.of(), "tenant");
        var before = TenancyTests.rowCounts();
        for (var patch : Map.of("{\"tags\":[\"a\",{}]}", "tags[1]", "{\"tags\":[7]}", "tags[0]", "{\"title\":false}", "title", "{\"tags\":{\"a\":1}}", "tags", "{\"title\":{}}", "title",
                "{\"markdown\":[\"x\"]}", "markdown").entrySet()) {
            String detail = given().auth().oauth2(author).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(patch.getKey()).when().patch("/api/v1/notes/" + note)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(patch.getValue())).extract().path("detail");
            assertThat(detail).as(patch.getKey()).doesNotContain("dev.recall").doesNotContain("NoteRequest").doesNotContain("jackson");
        }
        assertThat(TenancyTests.rowCounts()).isEqualTo(before);
    }
}
