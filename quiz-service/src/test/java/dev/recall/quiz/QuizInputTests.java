package dev.recall.quiz;

import dev.recall.platform.paging.Cursor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.recall.quiz.NoteToItemsTests.PIPELINE;
import static dev.recall.quiz.NoteToItemsTests.TOKENS;
import static dev.recall.quiz.NoteToItemsTests.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Odd query parameters, ids and racing answers: 4xx problems, never a 5xx. */
@QuarkusTest
class QuizInputTests {

    @Test
    void oddQueryParametersAndIdsAreBadRequestsNot500s() {
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        for (String param : new String[]{"note", "deck", "tag", "type"}) {
            for (String bad : new String[]{"a\u0000b", "x".repeat(300)}) {
                given().auth().oauth2(learner).queryParam(param, bad).when().get("/api/v1/items")
                        .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(param));
            }
        }
        for (String bad : new String[]{"abc", "0", "1e9", "-5", "99999999999"}) {
            given().auth().oauth2(learner).queryParam("limit", bad).when().get("/api/v1/items")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
        for (String bad : new String[]{"%%%", "not-a-cursor", Cursor.of("items", "a\u0000b").encode(), Cursor.of("cards", "x").encode()}) {
            given().auth().oauth2(learner).queryParam("cursor", bad).when().get("/api/v1/items")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(learner).urlEncodingEnabled(false).when().get("/api/v1/items/a%00b")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).when().get("/api/v1/items/" + "x".repeat(500))
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("noteIds", List.of("a\u0000b")))
                .when().post("/api/v1/quizzes").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("deckId", "a\u0000b"))
                .when().post("/api/v1/quizzes").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body("{\"tags\":[null]}")
                .when().post("/api/v1/quizzes").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("itemId", "a\u0000b", "answer", "x", "latencyMs", 1))
                .when().post("/api/v1/quizzes/" + UUID.randomUUID() + "/answers").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON).body("{\"markdown\":\"# A\\n\\nQ::A\",\"tags\":[null]}")
                .when().post("/api/v1/generate").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("itemId", "i", "answer", "x", "latencyMs", 1))
                .when().post("/api/v1/quizzes/not-a-uuid/answers").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void fourIdenticalAnswersAtOnceGradeOnceAndTheOthersGet409() throws Exception {
        String noteId = UUID.randomUUID().toString();
        String learner = TOKENS.learner("acme", "l-" + UUID.randomUUID());
        publish(PrivateNoteTests.note(noteId, "alice", "tenant", 1));
        await().atMost(PIPELINE).untilAsserted(() -> given().auth().oauth2(learner).queryParam("note", noteId)
                .when().get("/api/v1/items").then().statusCode(200).body("items", hasSize(2)));
        for (int round = 0; round < 3; round++) {
            var quiz = given().auth().oauth2(learner).contentType(ContentType.JSON)
                    .body(Map.of("noteIds", List.of(noteId), "count", 1)).when().post("/api/v1/quizzes")
                    .then().statusCode(201).extract().jsonPath();
            String path = "/api/v1/quizzes/" + quiz.getString("quizId") + "/answers";
            Map<String, Object> body = Map.of("itemId", quiz.getString("items[0].itemId"), "answer", "x", "latencyMs", 100);
            if (round == 0) {
                given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("itemId", body.get("itemId"), "answer", "a\u0000b",
                        "latencyMs", 1)).when().post(path).then().statusCode(400).contentType("application/problem+json");
                given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("itemId", body.get("itemId"), "answer", List.of("a", "b\u0000"),
                        "latencyMs", 1)).when().post(path).then().statusCode(400).contentType("application/problem+json");
                // Only a string or an array of strings is an answer: nothing else is turned into text and graded.
                for (String answer : List.of("42", "true", "[1]", "[\"a\",{}]", "{\"a\":\"b\"}", "\"a\\ud800b\"")) {
                    given().auth().oauth2(learner).contentType(ContentType.JSON)
                            .body("{\"itemId\":\"" + body.get("itemId") + "\",\"answer\":" + answer + ",\"latencyMs\":1}")
                            .when().post(path).then().statusCode(400).contentType("application/problem+json")
                            .body("errors[0].field", org.hamcrest.Matchers.equalTo("answer"));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(() -> given().auth().oauth2(learner).contentType(ContentType.JSON).body(body).when().post(path).statusCode());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsOnly(200, 409);
                assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
