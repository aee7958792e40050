package dev.recall.content;

import dev.recall.events.EventCodec;
import dev.recall.events.Topics;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static dev.recall.content.NoteResourceTests.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ContentFeatureTests {

    static String create(String token, String title, String markdown, List<String> tags, String visibility) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", title, "markdown", markdown, "tags", tags, "visibility", visibility))
                .when().post("/api/v1/notes").then().statusCode(201).extract().path("id");
    }

    @Test
    void searchFindsChineseWithoutSpacesAndEnglishByStemWithHighlights() {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        create(author, "Python 装饰器", "装饰器是一个接收函数并返回新函数的可调用对象。", List.of("python"), "tenant");
        create(author, "拷贝", "深拷贝会递归复制所有对象，浅拷贝只复制外层。", List.of("python", "copy"), "tenant");
        create(author, "Decorators", "A decorator wraps a function to add behaviour.", List.of("python"), "tenant");
        create(author, "Secret", "装饰器 private draft", List.of(), "private");
        String learner = TOKENS.learner(tenant, "bob");

        given().auth().oauth2(learner).queryParam("q", "装饰器").when().get("/api/v1/search")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].title", equalTo("Python 装饰器"))
                .body("items[0].titleHighlight", containsString("<mark>装饰器</mark>"));
        given().auth().oauth2(learner).queryParam("q", "深拷贝").when().get("/api/v1/search")
                .then().statusCode(200).body("items.title", equalTo(List.of("拷贝"))).body("items[0].highlights[0]", containsString("<mark>深拷贝</mark>"));
        given().auth().oauth2(learner).queryParam("q", "decorators").when().get("/api/v1/search")
                .then().statusCode(200).body("items.title", hasItem("Decorators"));
        given().auth().oauth2(learner).queryParam("q", "装饰器").queryParam("tag", "copy").when().get("/api/v1/search")
                .then().statusCode(200).body("items", hasSize(0));
        // The author sees their private draft too; another tenant sees nothing.
        given().auth().oauth2(author).queryParam("q", "装饰器").when().get("/api/v1/search").then().body("items", hasSize(2));
        given().auth().oauth2(TOKENS.learner("other-" + tenant, "bob")).queryParam("q", "装饰器").when().get("/api/v1/search")
                .then().body("items", hasSize(0));
        given().auth().oauth2(learner).queryParam("q", " ").when().get("/api/v1/search").then().statusCode(400);
        given().auth().oauth2(learner).queryParam("q", "python").queryParam("limit", 1).when().get("/api/v1/search")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", not(equalTo(null)));

        given().auth().oauth2(learner).when().get("/api/v1/tags").then().statusCode(200)
                .body("find { it.tag == 'python' }.notes", equalTo(3)).body("find { it.tag == 'copy' }.notes", equalTo(1));
    }

    @Test
    void decksNestRenameRefuseCyclesAndHoldMovedNotes() {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        String python = given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("name", "Python"))
                .when().post("/api/v1/decks").then().statusCode(201).extract().path("id");
        String gc = given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("name", "GC", "parentId", python))
                .when().post("/api/v1/decks").then().statusCode(201).body("parentId", equalTo(python)).extract().path("id");
        given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("name", "GC", "parentId", python))
                .when().post("/api/v1/decks").then().statusCode(409);
        given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("parentId", gc))
                .when().patch("/api/v1/decks/" + python).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("name", "Garbage collection"))
                .when().patch("/api/v1/decks/" + gc).then().statusCode(200).body("name", equalTo("Garbage collection"));
        given().auth().oauth2(TOKENS.learner(tenant, "bob")).contentType(ContentType.JSON).body(Map.of("name", "Mine"))
                .when().post("/api/v1/decks").then().statusCode(403);

        String note = create(author, "引用计数", "引用计数是……", List.of(), "tenant");
        given().auth().oauth2(author).contentType(ContentType.JSON).body(Map.of("noteIds", List.of(note)))
                .when().post("/api/v1/decks/" + gc + "/notes").then().statusCode(200).body("moved", equalTo(1));
        given().auth().oauth2(author).when().get("/api/v1/decks/" + gc + "/notes").then().statusCode(200).body("items.id", equalTo(List.of(note)));
        given().auth().oauth2(author).when().get("/api/v1/decks").then().statusCode(200)
                .body("find { it.id == '" + gc + "' }.notes", equalTo(1));
        given().auth().oauth2(TOKENS.author("x-" + tenant, "alice")).when().get("/api/v1/decks/" + gc + "/notes").then().statusCode(404);
        given().auth().oauth2(author).when().post("/api/v1/decks/" + gc + "/republish").then().statusCode(200).body("published", equalTo(1));
    }

    @Test
    void nestedZipImportsAsDecksAndExportsBack() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        byte[] zip = zip(Map.of(
                "Python/Closures.md", "---\ntitle: 闭包\ntags: [python, closures]\n---\n# 闭包\n\n闭包是函数和它的环境。\n",
                "Python/GC/Refcount.md", "# Reference counting\n\nCounts references.\n",
                "Top.md", "Just text\n"));
        var result = given().auth().oauth2(author).contentType("application/zip").body(zip)
                .when().post("/api/v1/imports").then().statusCode(201).body("notes", equalTo(3)).body("decks", equalTo(2))
                .extract().jsonPath();
        List<Map<String, Object>> decks = given().auth().oauth2(author).when().get("/api/v1/decks").then().extract().path("");
        Map<String, Object> pythonDeck = decks.stream().filter(d -> d.get("name").equals("Python")).findFirst().orElseThrow();
        Map<String, Object> gcDeck = decks.stream().filter(d -> d.get("name").equals("GC")).findFirst().orElseThrow();
        assertThat(gcDeck.get("parentId")).isEqualTo(pythonDeck.get("id"));
        String closures = result.getList("noteIds", String.class).get(0);
        given().auth().oauth2(author).when().get("/api/v1/notes/" + closures).then().statusCode(200)
                .body("title", equalTo("闭包")).body("tags", equalTo(List.of("python", "closures")));

        byte[] exported = given().auth().oauth2(author).when().get("/api/v1/exports/decks/" + pythonDeck.get("id"))
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(exported), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactlyInAnyOrder("Python/闭包.md", "Python/GC/Reference counting.md");

        given().auth().oauth2(author).contentType("application/zip").body(new byte[6 << 20])
                .when().post("/api/v1/imports").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(author).contentType("application/zip").body(zip(Map.of("a.txt", "x")))
                .when().post("/api/v1/imports").then().statusCode(422);
        given().auth().oauth2(TOKENS.learner(tenant, "bob")).contentType("text/markdown").body("# x")
                .when().post("/api/v1/imports").then().statusCode(403);
    }

    @Test
    void staleWritesAreRefusedAndEveryAcceptedWriteEmitsOneEvent() {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        String id = create(author, "Copy", "v1", List.of(), "tenant");
        Map<String, Object> v2 = Map.of("title", "Copy", "markdown", "v2", "visibility", "tenant");
        given().auth().oauth2(author).contentType(ContentType.JSON).body(v2).when().put("/api/v1/notes/" + id).then().statusCode(428);
        given().auth().oauth2(author).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(v2)
                .when().put("/api/v1/notes/" + id).then().statusCode(412);
        given().auth().oauth2(author).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(v2)
                .when().put("/api/v1/notes/" + id).then().statusCode(200).header("ETag", containsString("2"));
        given().auth().oauth2(TOKENS.author(tenant, "mallory")).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(v2)
                .when().put("/api/v1/notes/" + id).then().statusCode(403);
        given().auth().oauth2(author).when().get("/api/v1/notes/" + id + "/versions").then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(author).header("If-Match", "\"2\"").when().delete("/api/v1/notes/" + id).then().statusCode(204);
        given().auth().oauth2(author).when().get("/api/v1/notes/" + id).then().statusCode(404);

        var events = KafkaTestClient.read(KafkaTestResource.broker().bootstrapServers(), Topics.NOTES, Duration.ofSeconds(20),
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= 3);
        assertThat(events.stream().filter(r -> id.equals(r.key())).map(r -> EventCodec.parse(r.value()).type()))
                .containsExactly("dev.recall.content.NotePublished", "dev.recall.content.NoteUpdated", "dev.recall.content.NoteDeleted");
    }

    static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
