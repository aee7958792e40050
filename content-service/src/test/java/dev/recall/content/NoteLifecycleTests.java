package dev.recall.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.content.ContentFeatureTests.create;
import static dev.recall.content.NoteResourceTests.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class NoteLifecycleTests {

    @Test
    void patchVersionsDiffOutlineDeleteAndRestore() {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        String id = create(author, "GC", "# GC\n\n## 引用计数\n\nCounts references.\n\n## 分代回收\n\nThree generations.\n", List.of("python"), "tenant");
        List<String> sectionIds = given().auth().oauth2(author).when().get("/api/v1/notes/" + id + "/outline")
                .then().statusCode(200).body("sections[0].children.title", equalTo(List.of("引用计数", "分代回收")))
                .extract().path("sections[0].children.sectionId");

        given().auth().oauth2(author).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("title", "Garbage collection", "markdown", "# GC\n\n## 引用计数\n\nCounts every reference.\n\n## 分代回收\n\nThree generations.\n"))
                .when().patch("/api/v1/notes/" + id).then().statusCode(200).header("ETag", "\"2\"").body("title", equalTo("Garbage collection"));
        // A client holding the current ETag gets 304 and no body; an older one gets the note.
        given().auth().oauth2(author).header("If-None-Match", "\"2\"").when().get("/api/v1/notes/" + id)
                .then().statusCode(304).header("ETag", "\"2\"");
        given().auth().oauth2(author).header("If-None-Match", "\"1\", W/\"7\"").when().get("/api/v1/notes/" + id)
                .then().statusCode(200).body("title", equalTo("Garbage collection"));
        // Editing a body under a heading keeps every section id.
        given().auth().oauth2(author).when().get("/api/v1/notes/" + id + "/outline").then().body("sections[0].children.sectionId", equalTo(sectionIds));
        given().auth().oauth2(author).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"2\"")
                .body(Map.of("author", "mallory")).when().patch("/api/v1/notes/" + id).then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(author).when().get("/api/v1/notes/" + id + "/versions/1").then().statusCode(200).body("title", equalTo("GC"));
        given().auth().oauth2(author).queryParam("from", 1).queryParam("to", 2).when().get("/api/v1/notes/" + id + "/diff")
                .then().statusCode(200).body("linesAdded", equalTo(1)).body("linesRemoved", equalTo(1))
                .body("unified", containsString("+Counts every reference.")).body("fields.field", hasItem("title"));

        given().auth().oauth2(author).header("If-Match", "\"2\"").when().delete("/api/v1/notes/" + id).then().statusCode(204);
        given().auth().oauth2(author).queryParam("deleted", true).when().get("/api/v1/notes").then().body("items.id", hasItem(id));
        given().auth().oauth2(author).header("If-Match", "\"3\"").when().post("/api/v1/notes/" + id + "/restore")
                .then().statusCode(200).header("ETag", "\"4\"");
        given().auth().oauth2(author).header("If-Match", "\"4\"").when().post("/api/v1/notes/" + id + "/restore").then().statusCode(409);
        given().auth().oauth2(author).when().get("/api/v1/notes/" + id + "/versions").then().body("items.change",
                equalTo(List.of("restored", "deleted", "updated", "created")));
    }

    @Test
    void adminsManageTheirTenantsNotesOnlyAndLearnersOnlyRead() {
        String tenant = "t-" + UUID.randomUUID();
        String id = create(TOKENS.author(tenant, "alice"), "Draft", "private words", List.of(), "private");
        String admin = TOKENS.admin(tenant, "root");
        given().auth().oauth2(admin).when().get("/api/v1/notes/" + id).then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("visibility", "tenant")).when().patch("/api/v1/notes/" + id).then().statusCode(200);
        given().auth().oauth2(TOKENS.admin("other-" + tenant, "root")).when().get("/api/v1/notes/" + id).then().statusCode(404);
        given().auth().oauth2(TOKENS.admin("other-" + tenant, "root")).header("If-Match", "\"2\"").when().delete("/api/v1/notes/" + id)
                .then().statusCode(404);
        String learner = TOKENS.learner(tenant, "bob");
        given().auth().oauth2(learner).when().get("/api/v1/notes/" + id).then().statusCode(200);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("title", "x", "markdown", "y"))
                .when().post("/api/v1/notes").then().statusCode(403);
        given().auth().oauth2(learner).header("If-Match", "\"2\"").when().delete("/api/v1/notes/" + id).then().statusCode(403);
    }

    @Test
    void invalidUtf8AndTooManyTagsAreProblemsAndWriteNothing() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        Map<String, Long> before = NoteResourceTests.rowCounts();
        // 0xC3 opens a two-byte sequence; '(' (0x28) cannot continue it, so the title is not UTF-8.
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes("{\"title\":\"bad ".getBytes(StandardCharsets.US_ASCII));
        invalid.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28});
        invalid.writeBytes("\",\"markdown\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
        given().auth().oauth2(author).contentType("application/json").body(invalid.toByteArray()).when().post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json");
        List<String> tags = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();
        given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("title", "x", "markdown", "y", "tags", tags))
                .when().post("/api/v1/notes").then().statusCode(400).body("errors[0].field", equalTo("tags"));
        given().auth().oauth2(author).when().get("/api/v1/notes").then().statusCode(200).body("items", hasSize(0));
        assertThat(NoteResourceTests.rowCounts()).as("notes, versions, idempotency keys and events appended").isEqualTo(before);
    }
}
