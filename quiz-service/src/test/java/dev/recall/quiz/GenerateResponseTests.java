package dev.recall.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.recall.quiz.NoteToItemsTests.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of {@code POST /api/v1/generate}, pinned: its fields, their order, types and nulls, and an explicit
 * card's values as the note states them; and the same answer whole whether it leaves in one piece or in many (an
 * answer larger than the service's output buffer is sent in chunks).
 */
@QuarkusTest
class GenerateResponseTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ITEM_FIELDS = List.of("id", "type", "prompt", "answers", "options", "explanation", "headingPath",
            "sectionId", "startLine", "endLine", "tags", "difficulty", "generator");

    @Test
    void anExplicitCardComesBackWithEveryFieldInOrder() throws Exception {
        JsonNode body = generate("# Closures\n\nWhat is a closure?::A function that keeps its defining scope\n", List.of("python"));
        assertThat(fields(body)).containsExactly("count", "items");
        assertThat(body.get("count").isInt()).isTrue();
        assertThat(body.get("count").asInt()).isEqualTo(body.get("items").size()).isGreaterThanOrEqualTo(1);
        JsonNode card = null;
        for (JsonNode item : body.get("items")) {
            assertThat(fields(item)).containsExactlyElementsOf(ITEM_FIELDS);
            if ("explicit".equals(item.get("generator").asText()) && "BASIC".equals(item.get("type").asText())) {
                card = item;
            }
        }
        assertThat(card).as("the explicit card among %s", body).isNotNull();
        assertThat(card.get("id").asText()).isNotBlank();
        assertThat(card.get("prompt").asText()).isEqualTo("What is a closure?");
        assertThat(texts(card.get("answers"))).containsExactly("A function that keeps its defining scope");
        assertThat(card.get("options").isNull()).isTrue(); // a BASIC card shows no choices: null, not left out
        assertThat(card.get("explanation").isNull() || card.get("explanation").isTextual()).isTrue();
        assertThat(texts(card.get("headingPath"))).containsExactly("Closures");
        assertThat(card.get("sectionId").asText()).startsWith("s-");
        assertThat(card.get("startLine").isInt()).isTrue();
        assertThat(card.get("startLine").asInt()).isEqualTo(3);
        assertThat(card.get("endLine").asInt()).isEqualTo(3);
        assertThat(texts(card.get("tags"))).containsExactly("python");
        assertThat(card.get("difficulty").asText()).isIn("EASY", "MEDIUM", "HARD");
    }

    @Test
    void aLargeAnswerArrivesWholeAndTheSameAsItsParts() throws Exception {
        // 4,000 sections of one card each, of random words (no two alike, so the gate keeps them): an answer of well
        // over a megabyte, larger than the output buffer, so it leaves in several pieces.
        java.util.Random random = new java.util.Random(7);
        StringBuilder note = new StringBuilder("# Glossary\n\n");
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            String section = "## " + words(random, 2) + "\n\nWhat does " + words(random, 5) + " mean?::" + words(random, 6) + "\n\n";
            sections.add(section);
            note.append(section);
        }
        Response response = post(note.toString(), List.of());
        assertThat(response.asByteArray().length).isGreaterThan(1_200_000);
        JsonNode body = JSON.readTree(response.asByteArray());
        assertThat(body.get("count").asInt()).isEqualTo(body.get("items").size()).isGreaterThanOrEqualTo(4_000);
        for (JsonNode item : body.get("items")) {
            assertThat(fields(item)).containsExactlyElementsOf(ITEM_FIELDS);
        }
        // A card in the middle gives the same item alone as among the others: nothing depends on the answer's size.
        String middle = sections.get(2_000);
        String prompt = middle.substring(middle.indexOf("What does"), middle.indexOf("::"));
        JsonNode alone = basic(generate("# Glossary\n\n" + "\n".repeat(4 * 2_000) + middle, List.of()), prompt); // on the same lines
        assertThat(alone).isNotNull();
        assertThat(basic(body, prompt)).isEqualTo(alone);
    }

    private static JsonNode basic(JsonNode body, String prompt) {
        for (JsonNode item : body.get("items")) {
            if ("BASIC".equals(item.get("type").asText()) && prompt.equals(item.get("prompt").asText())) {
                return item;
            }
        }
        return null;
    }

    private static String words(java.util.Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                out.append(' ');
            }
            for (int c = 4 + random.nextInt(6); c > 0; c--) {
                out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }

    private static JsonNode generate(String markdown, List<String> tags) throws Exception {
        return JSON.readTree(post(markdown, tags).asByteArray());
    }

    private static Response post(String markdown, List<String> tags) {
        return given().auth().oauth2(TOKENS.learner("acme", "l-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("markdown", markdown, "tags", tags)).when().post("/api/v1/generate")
                .then().statusCode(200).contentType(ContentType.JSON).extract().response();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
