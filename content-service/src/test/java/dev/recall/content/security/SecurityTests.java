package dev.recall.content.security;

import dev.recall.launchers.Tokens;
import dev.recall.testing.TestKeys;
import dev.recall.testing.security.RowCounts;
import dev.recall.testing.security.SecuritySuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * content-service under the security suite (docs/security.md): every operation of its OpenAPI document with
 * every bad token, and with the bad-input corpus against real notes and decks.
 */
@QuarkusTest
class SecurityTests {

    static final Tokens TOKENS = TestKeys.tokens();
    String tenant;
    String admin;
    String noteId;
    String deckId;

    @BeforeEach
    void fixtures() {
        tenant = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        admin = TOKENS.admin(tenant, "alice");
        deckId = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Security deck"))
                .post("/api/v1/decks").then().statusCode(201).extract().path("id");
        noteId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", "Closures", "markdown", "# Closures\n\nA closure keeps its scope.\n", "visibility", "tenant"))
                .post("/api/v1/notes").then().statusCode(201).extract().path("id");
    }

    SecuritySuite suite() {
        String jdbc = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        return new SecuritySuite(RestAssured.port, admin,
                Map.of("notes.id", noteId, "decks.id", deckId, "id", noteId, "version", "1", "topic", "content.notes.v1"),
                Map.of("deckId", deckId, "noteIds", List.of(noteId), "parentId", deckId, "visibility", "tenant"),
                new RowCounts(jdbc, user));
    }

    @Test
    void everyOperationRefusesEveryBadToken() {
        SecuritySuite.Report report = suite().badTokens();
        System.out.println("content bad tokens: " + report);
        assertThat(report.requests()).isGreaterThan(20 * 20);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void noInputMakesA5xxOrAnIncompleteProblemOrChangesRowsWhenRefused() {
        SecuritySuite.Report report = suite().badInputs();
        System.out.println("content bad inputs: " + report);
        assertThat(report.requests()).isGreaterThan(500);
        assertThat(report.failures()).isEmpty();
    }
}
