package dev.recall.quiz;

import dev.recall.events.AnswerGraded;
import dev.recall.events.EventCodec;
import dev.recall.events.EventContract;
import dev.recall.events.Topics;
import dev.recall.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.quiz.NoteToItemsTests.TOKENS;
import static dev.recall.quiz.NoteToItemsTests.bootstrap;
import static dev.recall.quiz.NoteToItemsTests.noteEvent;
import static dev.recall.quiz.NoteToItemsTests.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class QuizFlowTests {

    static String sampleNote(String name) throws Exception {
        Path dir = Path.of(System.getProperty("recall.project.root", "..")).resolve("samples/notes");
        return Files.readString(dir.resolve(name));
    }

    private static String publishSample(String learner) throws Exception {
        String noteId = UUID.randomUUID().toString();
        publish(noteEvent(noteId, "acme", 1, sampleNote("pytorch-ddp.md")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(learner).queryParam("note", noteId)
                .when().get("/api/v1/items").then().statusCode(200).body("items.size()", greaterThan(10)));
        return noteId;
    }

    @Test
    void implicitItemsAreListedFilteredAndShownWithTheirSource() throws Exception {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        String noteId = publishSample(learner);
        given().auth().oauth2(learner).queryParam("note", noteId).queryParam("type", "ORDERING").when().get("/api/v1/items")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].type", equalTo("ORDERING"));
        String itemId = given().auth().oauth2(learner).queryParam("note", noteId).queryParam("limit", 2).when().get("/api/v1/items")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("items[0].itemId");
        given().auth().oauth2(learner).when().get("/api/v1/items/" + itemId)
                .then().statusCode(200).body("noteId", equalTo(noteId)).body("startLine", greaterThan(0));
        given().auth().oauth2(TOKENS.learner("globex", "x")).when().get("/api/v1/items/" + itemId).then().statusCode(404);
        given().auth().oauth2(learner).queryParam("type", "ESSAY").when().get("/api/v1/items").then().statusCode(400);
    }

    @Test
    void generatePreviewsWithoutStoringAndRejectsBadInput() {
        String learner = TOKENS.learner("acme", "l-1");
        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("markdown", "# 闭包\n\n闭包是一个函数连同它引用的外层变量。\n"))
                .when().post("/api/v1/generate").then().statusCode(200).body("items.prompt", hasItem("什么是闭包？"));
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("markdown", "  "))
                .when().post("/api/v1/generate").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("markdown", "x".repeat(10_000_000)))
                .when().post("/api/v1/generate").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("markdown", "x".repeat(1_000_001)))
                .when().post("/api/v1/generate").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body("{\"markdown\":\"a\\ud800b\"}")
                .when().post("/api/v1/generate").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body("{\"markdown\":\"PK\\u0003\\u0004\\u0000\\u0000\"}")
                .when().post("/api/v1/generate").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType("application/octet-stream").body(new byte[] {0, 1, 2, (byte) 0xff})
                .when().post("/api/v1/generate").then().statusCode(415);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'})
                .when().post("/api/v1/generate").then().statusCode(400);
        // Pasted plain text: sections recovered, each item names its section.
        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("markdown", "线程池总结\n\n一、什么是线程池\n线程池是一种复用线程的机制。\n\n点赞 12 收藏 3\n"))
                .when().post("/api/v1/generate").then().statusCode(200).body("items.prompt", hasItem("什么是线程池？"))
                .body("items.sectionId", everyItem(startsWith("s-")));
    }

    @Test
    void aQuizHidesAnswersGradesOnceAndPublishesTheAnswer() throws Exception {
        String user = "l-" + UUID.randomUUID();
        String learner = TOKENS.learner("acme", user);
        String noteId = publishSample(learner);
        var quiz = given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("noteIds", List.of(noteId), "types", List.of("BASIC"), "count", 3, "seed", 42))
                .when().post("/api/v1/quizzes").then().statusCode(201)
                .body("items", hasSize(3)).body("items.answers", everyItem(nullValue()))
                .body("seed", equalTo("42")) // 64 bits do not fit a JavaScript number: sent as a string
                .extract().jsonPath();
        String quizId = quiz.getString("quizId");
        String itemId = quiz.getString("items[0].itemId");
        List<String> expected = given().auth().oauth2(learner).when().get("/api/v1/items/" + itemId).then().extract().path("answers");

        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("itemId", itemId, "answer", expected.get(0).toUpperCase() + " ", "latencyMs", 2500))
                .when().post("/api/v1/quizzes/" + quizId + "/answers").then().statusCode(200).body("correct", equalTo(true));
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("itemId", itemId, "answer", "again", "latencyMs", 10))
                .when().post("/api/v1/quizzes/" + quizId + "/answers").then().statusCode(409);
        given().auth().oauth2(TOKENS.learner("acme", "someone-else")).contentType(ContentType.JSON)
                .body(Map.of("itemId", itemId, "answer", "x", "latencyMs", 10))
                .when().post("/api/v1/quizzes/" + quizId + "/answers").then().statusCode(404);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("itemId", "not-in-quiz", "answer", "x", "latencyMs", 10))
                .when().post("/api/v1/quizzes/" + quizId + "/answers").then().statusCode(400);
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("noteIds", List.of("nothing-here")))
                .when().post("/api/v1/quizzes").then().statusCode(422);

        var records = KafkaTestClient.read(bootstrap(), Topics.ANSWERS, Duration.ofSeconds(20), seen -> seen.stream().anyMatch(r -> r.key().equals(itemId)));
        var record = records.stream().filter(r -> r.key().equals(itemId)).toList();
        assertThat(record).hasSize(1);
        assertThat(EventContract.violations(record.get(0).value())).isEmpty();
        AnswerGraded graded = (AnswerGraded) EventCodec.data(EventCodec.parse(record.get(0).value()));
        assertThat(graded.userId()).isEqualTo(user);
        assertThat(graded.correct()).isTrue();
        assertThat(graded.latencyMs()).isEqualTo(2500);
    }
}
