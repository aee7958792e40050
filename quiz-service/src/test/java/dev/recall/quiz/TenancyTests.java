package dev.recall.quiz;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.NoteEvents;
import dev.recall.testing.security.RowCounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.quiz.NoteToItemsTests.PIPELINE;
import static dev.recall.quiz.NoteToItemsTests.TOKENS;
import static dev.recall.quiz.NoteToItemsTests.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/**
 * The tenancy matrix of quiz-service: items are read by whom their note is shown to (its tenant, or only its author
 * and the tenant's admins when it is private), and a quiz belongs to the learner who drew it. Callers from another
 * tenant (admin, author, learner) and from the same tenant (another learner, another author) read no item they may
 * not see, cannot draw a quiz from such a note, cannot answer someone else's quiz, and change no table.
 */
@QuarkusTest
class TenancyTests {

    private static CloudEvent note(String noteId, String tenant, String author, String visibility, String markdown) {
        var snapshot = new NoteEvents.NoteSnapshot(noteId, tenant, author, "Tenancy", markdown, List.of("tenancy"), "deck-t",
                "en", visibility, 1, List.of(), Instant.now());
        return EventCodec.envelope("/content-service", noteId, tenant, new NoteEvents.NotePublished(snapshot), Instant.now());
    }

    private static List<String> awaitItems(String token, String noteId, int count) {
        await().atMost(PIPELINE).untilAsserted(() -> given().auth().oauth2(token).queryParam("note", noteId)
                .when().get("/api/v1/items").then().statusCode(200).body("items", hasSize(count)));
        return given().auth().oauth2(token).queryParam("note", noteId).when().get("/api/v1/items").then().extract().path("items.itemId");
    }

    private static Response answer(String token, String quizId, String itemId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("itemId", itemId, "answer", "quince-7", "latencyMs", 900))
                .when().post("/api/v1/quizzes/" + quizId + "/answers");
    }

    @Test
    void itemsAndQuizzesStayWithTheirTenantTheirAudienceAndTheirLearner() {
        String tenant = "ten-" + UUID.randomUUID().toString().substring(0, 8);
        String author = "author-" + UUID.randomUUID();
        String authorToken = TOKENS.author(tenant, author);
        String owner = TOKENS.learner(tenant, "owner-" + UUID.randomUUID());
        String shared = UUID.randomUUID().toString();
        String draft = UUID.randomUUID().toString();
        publish(note(shared, tenant, author, "tenant", "# Shared\n\nWhat opens the shared door?::quince-7\nWho keeps it?::the warden\n"));
        publish(note(draft, tenant, author, "private", "# Draft\n\nWhat is the draft secret?::medlar-9\n"));
        List<String> sharedItems = awaitItems(owner, shared, 2);
        List<String> draftItems = awaitItems(authorToken, draft, 1);
        String quizId = given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("noteIds", List.of(shared), "count", 2))
                .when().post("/api/v1/quizzes").then().statusCode(201).extract().path("quizId");

        var config = ConfigProvider.getConfig();
        RowCounts rows = new RowCounts(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class));
        Map<String, Long> before = rows.snapshot();

        record Other(String token, boolean sameTenant) {
        }
        Map<String, Other> others = Map.of(
                "other tenant's admin", new Other(TOKENS.admin("globex", "root-" + UUID.randomUUID()), false),
                "other tenant's author", new Other(TOKENS.author("globex", author), false), // even with the same user id
                "other tenant's learner", new Other(TOKENS.learner("globex", "l-" + UUID.randomUUID()), false),
                "same tenant's other learner", new Other(TOKENS.learner(tenant, "l-" + UUID.randomUUID()), true),
                "same tenant's other author", new Other(TOKENS.author(tenant, "a-" + UUID.randomUUID()), true));
        for (var entry : others.entrySet()) {
            String who = entry.getKey();
            String token = entry.getValue().token();
            boolean readsShared = entry.getValue().sameTenant();
            // Items: the shared note's only within the tenant, the private draft's never.
            int sharedSeen = given().auth().oauth2(token).queryParam("note", shared).when().get("/api/v1/items")
                    .then().statusCode(200).extract().path("items.size()");
            assertThat(sharedSeen).as(who).isEqualTo(readsShared ? 2 : 0);
            for (String item : sharedItems) {
                assertThat(given().auth().oauth2(token).when().get("/api/v1/items/" + item).statusCode()).as(who).isEqualTo(readsShared ? 200 : 404);
            }
            for (String item : draftItems) {
                Response read = given().auth().oauth2(token).when().get("/api/v1/items/" + item);
                assertThat(read.statusCode()).as(who).isEqualTo(404);
                assertThat(read.asString()).as(who).doesNotContain("medlar");
            }
            String listed = given().auth().oauth2(token).queryParam("deck", "deck-t").when().get("/api/v1/items").then().statusCode(200)
                    .extract().asString();
            assertThat(listed).as(who).doesNotContain("medlar", draft);
            // Quizzes: none from a note the caller may not see, and nobody answers the owner's quiz.
            Response fromDraft = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("noteIds", List.of(draft)))
                    .when().post("/api/v1/quizzes");
            assertThat(fromDraft.statusCode()).as(who).isBetween(400, 499);
            assertThat(fromDraft.asString()).as(who).doesNotContain("medlar");
            if (!readsShared) {
                assertThat(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("noteIds", List.of(shared)))
                        .when().post("/api/v1/quizzes").statusCode()).as(who).isBetween(400, 499);
            }
            for (String item : sharedItems) {
                Response answered = answer(token, quizId, item);
                assertThat(answered.statusCode()).as(who).isEqualTo(404);
                assertThat(answered.contentType()).as(who).startsWith("application/problem+json");
                assertThat(answered.asString()).as(who).doesNotContain("quince", "warden");
            }
        }
        assertThat(rows.snapshot()).as("no table changed").isEqualTo(before);

        // The owner's quiz is intact: its first answer is still theirs to give.
        answer(owner, quizId, sharedItems.get(0)).then().statusCode(200);
    }
}
