package dev.recall.content;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.NoteEvents;
import dev.recall.events.Topics;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.Tokens;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenancy matrix: callers from another tenant (admin, author, learner) and from the same tenant (another
 * author, a learner) against every kind of content object, reading and writing. Reads of what they may not see
 * answer 404 (or leave it out of lists, counts, search, tags and exports), writes answer 404/403/422, and no
 * table changes.
 */
@QuarkusTest
class TenancyTests {

    static final Tokens TOKENS = TestKeys.tokens();

    /** What one caller may do to the owner's objects. */
    enum Reach { NONE, TENANT_READER }

    record Caller(String label, String token, Reach reach, boolean learner) {
    }

    private String tenant;
    private String privateNote;
    private String tenantNote;
    private String trashed;
    private String deck;

    private String note(String token, String title, String markdown, List<String> tags, String visibility, String deckId) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", title, "markdown", markdown, "tags", tags, "visibility", visibility));
        if (deckId != null) {
            body.put("deckId", deckId);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/notes")
                .then().statusCode(201).extract().path("id");
    }

    private void seed(String owner) {
        deck = DeckRulesTests.deck(owner, "Owned", null);
        privateNote = note(owner, "Private draft", "# Secret\n\nmarmalade secret?::hidden\n", List.of("secrettag"), "private", deck);
        tenantNote = note(owner, "Shared", "# Shared\n\nmarmalade shared?::visible\n", List.of("sharedtag"), "tenant", deck);
        trashed = note(owner, "Trashed", "# Trashed\n\nmarmalade gone\n", List.of("trashtag"), "private", null);
        for (String id : List.of(privateNote, tenantNote)) {
            given().auth().oauth2(owner).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("markdown", "# Edited\n\nmarmalade edited?::v2\n")).when().patch("/api/v1/notes/" + id).then().statusCode(200);
        }
        given().auth().oauth2(owner).header("If-Match", "\"1\"").when().delete("/api/v1/notes/" + trashed).then().statusCode(204);
    }

    private List<Caller> callers() {
        String other = "o-" + tenant;
        return List.of(
                new Caller("other tenant's admin", TOKENS.admin(other, "root"), Reach.NONE, false),
                new Caller("other tenant's author (same user id)", TOKENS.author(other, "alice"), Reach.NONE, false),
                new Caller("other tenant's learner", TOKENS.learner(other, "lucy"), Reach.NONE, true),
                new Caller("same tenant's other author", TOKENS.author(tenant, "mallory"), Reach.TENANT_READER, false),
                new Caller("same tenant's learner", TOKENS.learner(tenant, "lucy"), Reach.TENANT_READER, true));
    }

    @Test
    void nobodyOutsideReadsOrChangesAnything() throws Exception {
        tenant = "t-" + UUID.randomUUID();
        String owner = TOKENS.author(tenant, "alice");
        seed(owner);
        Map<String, Long> before = rowCounts();
        List<String> wrong = new ArrayList<>();

        for (Caller c : callers()) {
            Function<Integer, Boolean> isReadable = status -> status == 200;
            // one note and its history: never the private one; the tenant one only inside the tenant
            for (String id : List.of(privateNote, tenantNote, trashed)) {
                boolean visible = c.reach() == Reach.TENANT_READER && id.equals(tenantNote);
                for (String path : List.of("", "/outline", "/versions", "/versions/1", "/diff?from=1&to=2")) {
                    int status = as(c).get("/api/v1/notes/" + id + path).statusCode();
                    if (visible != isReadable.apply(status) || !visible && status != 404) {
                        wrong.add(c.label() + " GET note" + path + " of " + name(id) + " -> " + status);
                    }
                }
            }
            // lists, search, tags, decks, deck notes and export: only what the caller may read
            List<String> listed = new ArrayList<>();
            listed.addAll(as(c).get("/api/v1/notes?limit=100").then().statusCode(200).extract().path("items.id"));
            listed.addAll(as(c).get("/api/v1/notes?deleted=true&limit=100").then().statusCode(200).extract().path("items.id"));
            listed.addAll(as(c).queryParam("deck", deck).get("/api/v1/notes").then().statusCode(200).extract().path("items.id"));
            listed.addAll(as(c).queryParam("q", "marmalade").get("/api/v1/search").then().statusCode(200).extract().path("items.id"));
            listed.addAll(as(c).queryParam("tag", "secrettag").get("/api/v1/notes").then().statusCode(200).extract().path("items.id"));
            List<String> tags = as(c).get("/api/v1/tags").then().statusCode(200).extract().path("tag");
            List<Map<String, Object>> decks = as(c).get("/api/v1/decks").then().statusCode(200).extract().path("");
            Response deckNotes = as(c).get("/api/v1/decks/" + deck + "/notes");
            Response export = as(c).get("/api/v1/exports/decks/" + deck);
            List<String> allowed = c.reach() == Reach.TENANT_READER ? List.of(tenantNote) : List.of();
            if (!allowed.containsAll(listed)) {
                wrong.add(c.label() + " listed " + listed.stream().map(this::name).toList());
            }
            if (tags.contains("secrettag") || tags.contains("trashtag") || c.reach() == Reach.NONE && tags.contains("sharedtag")) {
                wrong.add(c.label() + " saw tags " + tags);
            }
            if (c.reach() == Reach.NONE) {
                if (decks.stream().anyMatch(d -> deck.equals(d.get("id")))) {
                    wrong.add(c.label() + " listed the deck");
                }
                if (deckNotes.statusCode() != 404 || export.statusCode() != 404) {
                    wrong.add(c.label() + " deck notes " + deckNotes.statusCode() + ", export " + export.statusCode());
                }
            } else {
                Object count = decks.stream().filter(d -> deck.equals(d.get("id"))).findFirst().map(d -> d.get("notes")).orElse(null);
                if (!Integer.valueOf(1).equals(count)) {
                    wrong.add(c.label() + " deck count " + count);
                }
                if (!List.of(tenantNote).equals(deckNotes.path("items.id"))) {
                    wrong.add(c.label() + " deck notes " + deckNotes.asString());
                }
                List<String> entries = entries(export.then().statusCode(200).extract().asByteArray());
                if (!entries.equals(List.of("Owned/Shared.md"))) {
                    wrong.add(c.label() + " exported " + entries);
                }
            }

            // writes: nothing changes
            int hidden = 404;
            int forbiddenOrHidden = c.reach() == Reach.TENANT_READER ? 403 : 404;
            for (String id : List.of(privateNote, tenantNote)) {
                int expected = id.equals(tenantNote) ? forbiddenOrHidden : hidden;
                if (c.learner()) {
                    expected = 403; // the role check comes first
                }
                expect(wrong, c, "PUT " + name(id), expected, as(c).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                        .body(Map.of("title", "taken", "markdown", "x", "visibility", "tenant")).put("/api/v1/notes/" + id));
                expect(wrong, c, "PATCH " + name(id), expected, as(c).contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                        .body(Map.of("visibility", "tenant")).patch("/api/v1/notes/" + id));
                expect(wrong, c, "DELETE " + name(id), expected, as(c).header("If-Match", "\"2\"").delete("/api/v1/notes/" + id));
            }
            expect(wrong, c, "restore trashed", c.learner() ? 403 : 404, as(c).post("/api/v1/notes/" + trashed + "/restore"));
            // another tenant's deck does not exist for the caller (404, whatever the role); inside the tenant it is 403
            int deckWrite = c.reach() == Reach.NONE ? 404 : 403;
            expect(wrong, c, "rename deck", deckWrite, as(c).contentType(ContentType.JSON).body(Map.of("name", "Taken")).patch("/api/v1/decks/" + deck));
            expect(wrong, c, "republish deck", deckWrite, as(c).post("/api/v1/decks/" + deck + "/republish"));
            expect(wrong, c, "move notes into deck", deckWrite, as(c).contentType(ContentType.JSON)
                    .body(Map.of("noteIds", List.of(tenantNote))).post("/api/v1/decks/" + deck + "/notes"));
            expect(wrong, c, "nest a deck in the deck", c.learner() || c.reach() == Reach.TENANT_READER ? 403 : 404,
                    as(c).contentType(ContentType.JSON).body(Map.of("name", "Nested", "parentId", deck)).post("/api/v1/decks"));
            expect(wrong, c, "file a new note in the deck", c.learner() ? 403 : c.reach() == Reach.TENANT_READER ? 403 : 422,
                    as(c).contentType(ContentType.JSON).body(Map.of("title", "x", "markdown", "x", "deckId", deck)).post("/api/v1/notes"));
        }
        assertThat(wrong).as("what leaked or changed").isEmpty();
        assertThat(rowCounts()).as("no table changed").isEqualTo(before);

        // An import by someone else, with a folder named like the owner's deck, makes their own deck, never fills the owner's.
        for (String token : List.of(TOKENS.author("o-" + tenant, "alice"), TOKENS.author(tenant, "mallory"))) {
            given().auth().oauth2(token).contentType("application/zip").body(ContentFeatureTests.zip(Map.of("Owned/Planted.md", "# Planted\n")))
                    .when().post("/api/v1/imports").then().statusCode(201).extract().path("noteIds");
        }
        given().auth().oauth2(owner).when().get("/api/v1/decks/" + deck + "/notes").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(2));
        assertThat(entries(given().auth().oauth2(owner).when().get("/api/v1/exports/decks/" + deck).then().statusCode(200).extract().asByteArray()))
                .containsExactlyInAnyOrder("Owned/Private draft.md", "Owned/Shared.md");
        given().auth().oauth2(TOKENS.learner(tenant, "lucy")).contentType("text/markdown").body("# x\n").when().post("/api/v1/imports")
                .then().statusCode(403);
    }

    @Test
    void aNoteMadePrivateLeavesEveryReadPathOfOthersAndItsEventSaysSo() throws Exception {
        tenant = "t-" + UUID.randomUUID();
        String owner = TOKENS.author(tenant, "alice");
        String learner = TOKENS.learner(tenant, "lucy");
        deck = DeckRulesTests.deck(owner, "Owned", null);
        String id = note(owner, "Was shared", "# Quince\n\nquince?::fruit\n", List.of("quincetag"), "tenant", deck);
        given().auth().oauth2(learner).when().get("/api/v1/notes/" + id).then().statusCode(200);

        given().auth().oauth2(owner).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("visibility", "private")).when().patch("/api/v1/notes/" + id).then().statusCode(200);
        for (String path : List.of("", "/outline", "/versions", "/versions/1", "/diff?from=1&to=2")) {
            given().auth().oauth2(learner).when().get("/api/v1/notes/" + id + path).then().statusCode(404);
        }
        assertThat(given().auth().oauth2(learner).queryParam("q", "quince").when().get("/api/v1/search").then().extract().<List<String>>path("items.id")).isEmpty();
        assertThat(given().auth().oauth2(learner).when().get("/api/v1/decks/" + deck + "/notes").then().extract().<List<String>>path("items.id")).isEmpty();
        assertThat(given().auth().oauth2(learner).when().get("/api/v1/tags").then().extract().<List<String>>path("tag")).doesNotContain("quincetag");
        assertThat(entries(given().auth().oauth2(learner).when().get("/api/v1/exports/decks/" + deck).then().statusCode(200).extract().asByteArray())).isEmpty();

        // quiz and progress learn it from the event: the whole note with its new visibility, author and deck
        var records = KafkaTestClient.read(KafkaTestResource.broker().bootstrapServers(), Topics.NOTES, Duration.ofSeconds(20),
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= 2);
        CloudEvent updated = records.stream().filter(r -> id.equals(r.key())).map(r -> EventCodec.parse(r.value()))
                .filter(e -> e.type().equals("dev.recall.content.NoteUpdated")).findFirst().orElseThrow();
        NoteEvents.NoteSnapshot snapshot = ((NoteEvents.NoteUpdated) EventCodec.data(updated)).note();
        assertThat(snapshot.visibility()).isEqualTo("private");
        assertThat(snapshot.authorId()).isEqualTo("alice");
        assertThat(snapshot.deckId()).isEqualTo(deck);
        assertThat(updated.tenant()).isEqualTo(tenant);
    }

    private RequestSpecification as(Caller c) {
        return given().auth().oauth2(c.token()).urlEncodingEnabled(true);
    }

    private static void expect(List<String> wrong, Caller c, String what, int status, Response r) {
        if (r.statusCode() != status || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            wrong.add(c.label() + " " + what + " -> " + r.statusCode() + " (expected " + status + ") " + r.asString());
        }
    }

    private String name(String id) {
        return id.equals(privateNote) ? "private note" : id.equals(tenantNote) ? "tenant note" : id.equals(trashed) ? "trashed note" : id;
    }

    static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** Rows of every table of the service; for the outbox the last id handed out, as the relay deletes what it sent. */
    static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = Postgres.fromEnvironment().connect("recall_content_test" + Postgres.testDatabaseSuffix());
             Statement s = c.createStatement()) {
            for (String table : List.of("note", "note_version", "deck", "idempotency_key", "processed_event", "outbox_dead_letter")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox_event', 'id')), 0)")) {
                rs.next();
                counts.put("outbox_event ids", rs.getLong(1));
            }
        }
        return counts;
    }
}
