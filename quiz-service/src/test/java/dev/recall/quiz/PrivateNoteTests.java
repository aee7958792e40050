package dev.recall.quiz;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.ItemEvents;
import dev.recall.events.NoteEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.quiz.NoteToItemsTests.PIPELINE;
import static dev.recall.quiz.NoteToItemsTests.TOKENS;
import static dev.recall.quiz.NoteToItemsTests.itemEvents;
import static dev.recall.quiz.NoteToItemsTests.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** A note that becomes private or is deleted stops showing its items and answers to everyone but its author. */
@QuarkusTest
class PrivateNoteTests {

    private static final String MARKDOWN = "# Secrets\n\nWhat is the launch code?::swordfish-42\nWho holds the key?::the night porter\n";

    static CloudEvent note(String noteId, String author, String visibility, long version) {
        var snapshot = new NoteEvents.NoteSnapshot(noteId, "acme", author, "Secrets", MARKDOWN, List.of("ops"), "deck-s",
                "en", visibility, version, List.of(), Instant.now());
        var data = version == 1 ? new NoteEvents.NotePublished(snapshot) : new NoteEvents.NoteUpdated(snapshot);
        return EventCodec.envelope("/content-service", noteId, "acme", data, Instant.now());
    }

    private static void awaitItems(String token, String noteId, int count) {
        await().atMost(PIPELINE).untilAsserted(() -> given().auth().oauth2(token).queryParam("note", noteId)
                .when().get("/api/v1/items").then().statusCode(200).body("items", hasSize(count)));
    }

    private static io.restassured.response.Response answer(String token, String quizId, String itemId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("itemId", itemId, "answer", "swordfish-42", "latencyMs", 1000))
                .when().post("/api/v1/quizzes/" + quizId + "/answers");
    }

    @Test
    void aNoteMadePrivateHidesItsItemsAndOldQuizzesUntilItIsSharedAgain() {
        String noteId = UUID.randomUUID().toString();
        String author = "alice-" + UUID.randomUUID();
        String authorToken = TOKENS.author("acme", author);
        String learner = TOKENS.learner("acme", "bob-" + UUID.randomUUID());
        String admin = TOKENS.admin("acme", "root-" + UUID.randomUUID());
        publish(note(noteId, author, "tenant", 1));
        awaitItems(learner, noteId, 2);
        String itemId = given().auth().oauth2(learner).queryParam("note", noteId).when().get("/api/v1/items")
                .then().extract().path("items[0].itemId");
        var quiz = given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("noteIds", List.of(noteId), "count", 2)).when().post("/api/v1/quizzes")
                .then().statusCode(201).body("items", hasSize(2)).extract().jsonPath();
        String quizId = quiz.getString("quizId");
        List<String> quizItems = quiz.getList("items.itemId");

        // The author makes the note private: the text of the items does not change, their audience does.
        publish(note(noteId, author, "private", 2));
        awaitItems(learner, noteId, 0);
        given().auth().oauth2(learner).when().get("/api/v1/items/" + itemId).then().statusCode(404)
                .body(not(containsString("swordfish")));
        given().auth().oauth2(learner).queryParam("deck", "deck-s").when().get("/api/v1/items").then().body("items", hasSize(0));
        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("noteIds", List.of(noteId)))
                .when().post("/api/v1/quizzes").then().statusCode(422);
        for (String id : quizItems) {
            answer(learner, quizId, id).then().statusCode(404).contentType("application/problem+json")
                    .body(not(containsString("swordfish"))).body(not(containsString("night porter")));
        }
        awaitItems(authorToken, noteId, 2);
        awaitItems(admin, noteId, 2);
        // quiz-service told its consumers: every item again, now private, though no item changed.
        List<ItemEvents.ItemsUpserted> upserts = itemEvents(noteId, events -> events.stream()
                .anyMatch(e -> EventCodec.data(e) instanceof ItemEvents.ItemsUpserted u && u.noteVersion() == 2))
                .stream().map(EventCodec::data).filter(ItemEvents.ItemsUpserted.class::isInstance)
                .map(ItemEvents.ItemsUpserted.class::cast).filter(u -> u.noteVersion() == 2).toList();
        assertThat(upserts).allSatisfy(u -> assertThat(u.visibility()).isEqualTo("private"));
        assertThat(upserts.stream().mapToInt(u -> u.items().size()).sum()).isEqualTo(2);

        // Shared again: the items and the old quiz come back.
        publish(note(noteId, author, "public", 3));
        awaitItems(learner, noteId, 2);
        answer(learner, quizId, quizItems.get(0)).then().statusCode(200).body("itemId", equalTo(quizItems.get(0)));

        // Deleted: gone for everyone, the old quiz included.
        publish(EventCodec.envelope("/content-service", noteId, "acme", new NoteEvents.NoteDeleted(noteId, "acme", 4, Instant.now()),
                Instant.now()));
        awaitItems(authorToken, noteId, 0);
        given().auth().oauth2(learner).when().get("/api/v1/items/" + itemId).then().statusCode(404);
        answer(learner, quizId, quizItems.get(1)).then().statusCode(404).body(not(containsString("night porter")));
    }
}
