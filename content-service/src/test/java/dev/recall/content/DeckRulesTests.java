package dev.recall.content;

import dev.recall.launchers.Tokens;
import dev.recall.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Who may put what into a deck, deck names that clash, and archive entry names from hostile deck names. */
@QuarkusTest
class DeckRulesTests {

    static final Tokens TOKENS = TestKeys.tokens();

    static String deck(String token, String name, String parentId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(parentId == null ? Map.of("name", name) : Map.of("name", name, "parentId", parentId))
                .when().post("/api/v1/decks").then().statusCode(201).extract().path("id");
    }

    static String noteIn(String token, String title, String deckId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", title, "markdown", "# " + title + "\n\nQ?::A\n", "visibility", "tenant", "deckId", deckId))
                .when().post("/api/v1/notes").then().statusCode(201).extract().path("id");
    }

    @Test
    void anExportOfHostileDeckNamesAndTitlesHasOnlyPlainUniqueEntriesInsideTheRoot() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        String root = deck(author, "..", null);
        String dot = deck(author, ".", root);
        String back = deck(author, "..\\..\\x", root);
        String con = deck(author, "CON", dot);
        noteIn(author, "../../slip", root);
        noteIn(author, "a", root);
        noteIn(author, "A", root);
        noteIn(author, "a.", root);
        noteIn(author, "..", dot);
        noteIn(author, "nul", back);
        noteIn(author, "C:\\Windows\\x", con);

        Response export = given().auth().oauth2(author).when().get("/api/v1/exports/decks/" + root);
        export.then().statusCode(200).header("Content-Disposition", not(containsString("..")));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(export.asByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        // a, A and a. share one name on Windows and macOS: which one keeps it depends on the order of titles
        assertThat(names.stream().map(n -> n.toLowerCase(Locale.ROOT))).containsExactlyInAnyOrder("untitled/_-..-slip.md",
                "untitled/a.md", "untitled/a-2.md", "untitled/a-3.md", "untitled/untitled/untitled.md", "untitled/_-..-x/_nul.md",
                "untitled/untitled/_con/c--windows-x.md");
        Path into = Path.of("/tmp/unpack");
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            assertThat(into.resolve(name).normalize().startsWith(into)).as(name).isTrue();
            assertThat(name.split("/")).doesNotContain("..", ".");
            assertThat(seen.add(name.toLowerCase(Locale.ROOT))).as(name).isTrue();
        }
    }

    @Test
    void anotherAuthorCannotNestInOrFileIntoSomeoneElsesDeckButAnAdminCan() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TOKENS.author(tenant, "alice");
        String mallory = TOKENS.author(tenant, "mallory");
        String aliceDeck = deck(alice, "Python", null);
        String malloryDeck = deck(mallory, "Mine", null);
        String malloryNote = noteIn(mallory, "Planted", malloryDeck);
        var before = TenancyTests.rowCounts();

        given().auth().oauth2(mallory).contentType(ContentType.JSON).body(Map.of("name", "Planted", "parentId", aliceDeck))
                .when().post("/api/v1/decks").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(mallory).contentType(ContentType.JSON).body(Map.of("parentId", aliceDeck))
                .when().patch("/api/v1/decks/" + malloryDeck).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(mallory).contentType(ContentType.JSON).body(Map.of("noteIds", List.of(malloryNote)))
                .when().post("/api/v1/decks/" + aliceDeck + "/notes").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(mallory).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("deckId", aliceDeck)).when().patch("/api/v1/notes/" + malloryNote)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(mallory).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "markdown", "x", "deckId", aliceDeck)).when().post("/api/v1/notes")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(TenancyTests.rowCounts()).isEqualTo(before);
        given().auth().oauth2(alice).when().get("/api/v1/decks/" + aliceDeck + "/notes").then().statusCode(200).body("items.size()", equalTo(0));

        String admin = TOKENS.admin(tenant, "root");
        deck(admin, "Curated", aliceDeck);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("parentId", aliceDeck))
                .when().patch("/api/v1/decks/" + malloryDeck).then().statusCode(200).body("parentId", equalTo(aliceDeck));
        // the owner of the parent nests their own decks, as before
        deck(alice, "GC", aliceDeck);
    }

    @Test
    void aDeckChangeThatChangesNothingLeavesTheDeckAsItWasUpdatedAtIncluded() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TOKENS.author(tenant, "alice");
        String python = deck(alice, "Python", null);
        String gc = deck(alice, "GC", python);
        String updatedAt = updatedAt(alice, gc);
        String topUpdatedAt = updatedAt(alice, python);
        var before = TenancyTests.rowCounts();

        // no member, its own name, its own parent, to the top when it is there already: 200 with the deck unchanged
        for (Map<String, Object> nothing : List.<Map<String, Object>>of(Map.of(), Map.of("name", "GC"), Map.of("name", " GC "),
                Map.of("parentId", python), Map.of("name", "GC", "parentId", python))) {
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(nothing).when().patch("/api/v1/decks/" + gc)
                    .then().statusCode(200).body("id", equalTo(gc)).body("name", equalTo("GC")).body("parentId", equalTo(python))
                    .body("updatedAt", equalTo(updatedAt));
        }
        for (Map<String, Object> nothing : List.<Map<String, Object>>of(Map.of(), Map.of("toTop", true), Map.of("toTop", false))) {
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(nothing).when().patch("/api/v1/decks/" + python)
                    .then().statusCode(200).body("updatedAt", equalTo(topUpdatedAt));
        }
        assertThat(updatedAt(alice, gc)).isEqualTo(updatedAt);
        assertThat(updatedAt(alice, python)).isEqualTo(topUpdatedAt);
        assertThat(TenancyTests.rowCounts()).isEqualTo(before);
        // another author's deck stays refused, even for a change of nothing
        given().auth().oauth2(TOKENS.author(tenant, "mallory")).contentType(ContentType.JSON).body(Map.of())
                .when().patch("/api/v1/decks/" + gc).then().statusCode(403).contentType("application/problem+json");

        // a real change still moves updatedAt
        String renamed = given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("name", "Garbage collection"))
                .when().patch("/api/v1/decks/" + gc).then().statusCode(200).extract().path("updatedAt");
        assertThat(Instant.parse(renamed)).isAfter(Instant.parse(updatedAt));
        assertThat(updatedAt(alice, gc)).isEqualTo(renamed);
    }

    /** The deck's updatedAt as the tenant's deck list gives it. */
    private static String updatedAt(String token, String deckId) {
        List<Map<String, Object>> decks = given().auth().oauth2(token).when().get("/api/v1/decks").then().statusCode(200).extract().path("");
        return decks.stream().filter(d -> deckId.equals(d.get("id"))).map(d -> (String) d.get("updatedAt")).findFirst().orElseThrow();
    }

    @Test
    void renamingOrMovingOntoASiblingsNameIsAConflictAndChangesNothing() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TOKENS.author(tenant, "alice");
        String python = deck(alice, "Python", null);
        String gc = deck(alice, "GC", python);
        String other = deck(alice, "Other", null);
        String otherGc = deck(alice, "gc", other);
        deck(alice, "Java", null);
        var before = TenancyTests.rowCounts();

        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("name", "java"))
                .when().patch("/api/v1/decks/" + python).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://recall.dev/problems/deck-exists"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("parentId", python))
                .when().patch("/api/v1/decks/" + otherGc).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://recall.dev/problems/deck-exists"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("toTop", true, "name", "Java"))
                .when().patch("/api/v1/decks/" + gc).then().statusCode(409).contentType("application/problem+json");
        assertThat(TenancyTests.rowCounts()).isEqualTo(before);
        given().auth().oauth2(alice).when().get("/api/v1/decks").then().statusCode(200)
                .body("find { it.id == '" + otherGc + "' }.parentId", equalTo(other))
                .body("find { it.id == '" + python + "' }.name", equalTo("Python"));
    }

    @Test
    void fourIdenticalCreatesAtOnceMakeOneDeckAndTheOthersGet409() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TOKENS.author(tenant, "alice");
        String parent = deck(alice, "Parent", null);
        for (String parentId : new String[]{null, parent}) {
            int callers = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                List<Future<Response>> responses = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    responses.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(alice).contentType(ContentType.JSON)
                                .body(parentId == null ? Map.of("name", "Twice") : Map.of("name", "Twice", "parentId", parentId))
                                .when().post("/api/v1/decks");
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> response : responses) {
                    Response r = response.get();
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 409) {
                        assertThat(r.contentType()).startsWith("application/problem+json");
                    }
                }
                assertThat(statuses).as(String.valueOf(parentId)).containsExactlyInAnyOrder(201, 409, 409, 409);
            } finally {
                pool.shutdownNow();
            }
        }
        List<String> names = given().auth().oauth2(alice).when().get("/api/v1/decks").then().statusCode(200).extract().path("name");
        assertThat(names).containsExactlyInAnyOrder("Parent", "Twice", "Twice");
    }

    static List<Response> atOnce(int callers, java.util.function.IntFunction<Response> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fourIdenticalImportsAtOnceAllSucceedAndShareTheFoldersDecks() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TOKENS.author(tenant, "alice");
        byte[] zip = ContentFeatureTests.zip(Map.of("Shared/Inner/x.md", "# x\n"));
        List<Response> imports = atOnce(4, n -> given().auth().oauth2(alice).contentType("application/zip").body(zip).when().post("/api/v1/imports"));
        assertThat(imports.stream().map(Response::statusCode)).as(imports.stream().map(Response::asString).toList().toString())
                .containsOnly(201);
        List<String> names = given().auth().oauth2(alice).when().get("/api/v1/decks").then().statusCode(200).extract().path("name");
        assertThat(names).containsExactlyInAnyOrder("Shared", "Inner");
    }

    @Test
    void aMovedDeckBringsItsSubDecksAndTheDeepestMustStayWithinEightLevels() {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TOKENS.author(tenant, "alice");
        List<String> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            y.add(deck(alice, "Y" + i, i == 0 ? null : y.get(i - 1)));
            if (i < 4) {
                x.add(deck(alice, "X" + i, i == 0 ? null : x.get(i - 1)));
            }
        }
        // X0 with its three levels below it under Y4 (5 deep) would be 9 deep
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("parentId", y.get(4)))
                .when().patch("/api/v1/decks/" + x.get(0)).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parentId"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("parentId", y.get(4)))
                .when().patch("/api/v1/decks/" + x.get(1)).then().statusCode(200);
    }

    @Test
    void aMoveWaitsForAMoveInFlightAndThenSeesTheCycleItWouldMake() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String alice = TOKENS.author(tenant, "alice");
        String a = deck(alice, "A", null);
        String b = deck(alice, "B", null);
        try (java.sql.Connection db = dev.recall.launchers.Postgres.fromEnvironment()
                .connect("recall_content_test" + dev.recall.launchers.Postgres.testDatabaseSuffix())) {
            db.setAutoCommit(false);
            // an opposite move in flight: it holds the tenant's deck-tree lock and has put B under A, not yet committed
            try (var lock = db.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, dev.recall.content.deck.DeckService.treeLockKey(tenant));
                lock.execute();
            }
            try (var move = db.prepareStatement("UPDATE deck SET parent_id = ? WHERE id = ?")) {
                move.setObject(1, UUID.fromString(a));
                move.setObject(2, UUID.fromString(b));
                move.executeUpdate();
            }
            var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(alice).contentType(ContentType.JSON)
                    .body(Map.of("parentId", b)).when().patch("/api/v1/decks/" + a));
            Thread.sleep(1_500);
            assertThat(pending).as("the move waits for the one in flight").isNotDone();
            db.commit();
            Response answer = pending.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
            assertThat(answer.<String>path("type")).isEqualTo("https://recall.dev/problems/deck-cycle");
        }
    }
}
