package dev.recall.local;

import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.testing.TestKeys;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The event pipeline through the three services as processes: events beyond Kafka's default size, a note
 * refused for an event beyond Recall's maximum, and consumers killed with SIGKILL mid-stream.
 */
class EventPipelineEndToEndTests {

    static final Tokens TOKENS = TestKeys.tokens();
    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStacks.start("e2e-events", "_e2ev" + Postgres.testDatabaseSuffix(), 1);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    static String post(String author, String title, String markdown, int status) {
        var response = given().auth().oauth2(author).contentType(ContentType.JSON)
                .body(Map.of("title", title, "visibility", "tenant", "markdown", markdown))
                .when().post(stack.url(Service.CONTENT) + "/api/v1/notes").then().statusCode(status);
        return status == 201 ? response.extract().path("id") : null;
    }

    static int items(String learner, String noteId) {
        List<Object> items = given().auth().oauth2(learner).queryParam("note", noteId).queryParam("limit", 200)
                .when().get(stack.url(Service.QUIZ) + "/api/v1/items").then().statusCode(200).extract().path("items");
        return items.size();
    }

    @Test
    void aNoteBeyondOneMebibyteIsDeliveredOneBeyondTheMaximumIsA413AndTheNextNoteStillGetsItsItems() {
        String author = TOKENS.author("acme", "author-" + UUID.randomUUID());
        String learner = TOKENS.learner("acme", "learner-" + UUID.randomUUID());
        // ~2.7 MB of UTF-8 in the NotePublished (Kafka's default limit is 1 MiB), and 3 cards.
        String large = "Large one?::1\nLarge two?::2\nLarge three?::3\n\n" + "记忆曲线与间隔重复。".repeat(90_000);
        String largeId = post(author, "Large", large, 201);
        // An outline that repeats six levels of long headings: the event would pass 4 MiB.
        String heading = "h".repeat(140);
        String group = IntStream.rangeClosed(1, 6).mapToObj(level -> "#".repeat(level) + " " + heading + level)
                .collect(Collectors.joining("\n", "", "\n"));
        given().auth().oauth2(author).contentType(ContentType.JSON)
                .body(Map.of("title", "Too large", "visibility", "tenant", "markdown", group.repeat(950_000 / group.length())))
                .when().post(stack.url(Service.CONTENT) + "/api/v1/notes")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://recall.dev/problems/event-too-large"));
        String afterId = post(author, "After", "After both?::yes\n", 201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(items(learner, afterId)).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(items(learner, largeId)).isEqualTo(3));
    }

    @Test
    void aConsumerKilledMidStreamResumesWithinTenSecondsOfItsRestart() {
        String author = TOKENS.author("acme", "author-" + UUID.randomUUID());
        String learner = TOKENS.learner("acme", "learner-" + UUID.randomUUID());
        String warm = post(author, "Warm", "Warm?::up\n", 201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(items(learner, warm)).isEqualTo(1));

        int expectedCards = 0;
        for (Service victim : List.of(Service.QUIZ, Service.PROGRESS)) {
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                notes.add(post(author, "Stream " + i, "Stream " + victim + " " + i + "?::the streamed answer\n", 201));
            }
            String enrolled = notes.get(notes.size() - 1);
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", enrolled))
                    .when().post(stack.url(Service.PROGRESS) + "/api/v1/enrollments").then().statusCode(201);
            stack.restart(victim, true, Map.of()); // SIGKILL mid-stream, start again, wait until ready
            long ready = System.nanoTime();
            for (int i = 10; i < 15; i++) {
                notes.add(post(author, "After restart " + i, "After " + victim + " " + i + "?::the answer after the restart\n", 201));
            }
            // Consumption resumes at once (static membership: the same member gets its partitions back without a
            // rebalance): some in-flight note gets its items within 10 s. The whole backlog then drains at the
            // speed of a JVM still warming up, which on a loaded 2-core machine takes longer.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(notes.stream().filter(note -> items(learner, note) == 1)).isNotEmpty());
            long first = System.nanoTime();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                for (String note : notes) {
                    assertThat(items(learner, note)).as("items of %s", note).isEqualTo(1);
                }
            });
            long all = System.nanoTime();
            String last = notes.get(notes.size() - 1);
            given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("kind", "note", "target", last))
                    .when().post(stack.url(Service.PROGRESS) + "/api/v1/enrollments").then().statusCode(201);
            expectedCards += 2;
            int cards = expectedCards;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    given().auth().oauth2(learner).when().get(stack.url(Service.PROGRESS) + "/api/v1/reviews/due")
                            .then().statusCode(200).body("", hasSize(cards)));
            System.out.printf("[e2e] %s killed with SIGKILL: first in-flight note's items %d ms after it was ready again, "
                            + "all %d notes' items %d ms, cards %d ms%n", victim.module, (first - ready) / 1_000_000, notes.size(),
                    (all - ready) / 1_000_000, (System.nanoTime() - ready) / 1_000_000);
        }
    }
}
