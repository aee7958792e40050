package dev.recall.content;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.recall.content.DeckRulesTests.deck;
import static dev.recall.content.DeckRulesTests.noteIn;
import static dev.recall.content.TenancyTests.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export is built in memory, so a deck holding more Markdown than the limit is refused before any note is loaded
 * (422 with a problem), while its smaller sub-decks still export. The limit is lowered here to a few notes' worth.
 */
@QuarkusTest
@TestProfile(ExportLimitTests.SmallExports.class)
class ExportLimitTests {

    public static final class SmallExports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recall.export.max-characters", "60");
        }
    }

    @Test
    void aDeckOverTheLimitIsRefusedAndItsSubDecksStillExport() {
        String author = TOKENS.author("t-" + UUID.randomUUID(), "alice");
        String root = deck(author, "Interview notes", null);
        String python = deck(author, "Python", root);
        noteIn(author, "GC", root); // each of these notes holds about 20 characters of Markdown
        noteIn(author, "Copying", root);
        noteIn(author, "Closures", python);
        noteIn(author, "Decorators", python);

        Response whole = given().auth().oauth2(author).when().get("/api/v1/exports/decks/" + root);
        assertThat(whole.statusCode()).isEqualTo(422);
        assertThat(whole.contentType()).startsWith("application/problem+json");
        assertThat(whole.jsonPath().getString("type")).endsWith("/export-too-large");
        assertThat(whole.jsonPath().getString("detail")).contains("60");

        Response part = given().auth().oauth2(author).when().get("/api/v1/exports/decks/" + python);
        assertThat(part.statusCode()).isEqualTo(200);
        assertThat(part.contentType()).isEqualTo("application/zip");
    }
}
