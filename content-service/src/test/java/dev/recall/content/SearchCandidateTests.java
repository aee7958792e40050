package dev.recall.content;

import dev.recall.content.search.NoteSearch;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.recall.content.NoteResourceTests.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search's candidates are the newest 1,000 readable matches of the caller's tenant, whatever plan finds them: here with
 * more matches than that (a common term, so a walk of the newest notes), written straight into the table (1,000
 * notes through the API would take minutes); ContentFeatureTests has the few-matches case.
 */
@QuarkusTest
class SearchCandidateTests {

    @Inject
    Pool client;

    /** {@code count} notes matching "zephyrine", the i-th created i minutes after {@code from} (so the last is the newest). */
    private void insert(String tenant, String author, String visibility, int count, String titlePrefix, boolean deleted, java.time.OffsetDateTime from) {
        insert(tenant, author, visibility, count, titlePrefix, deleted, from, "zephyrine wind");
    }

    /** As above, with the body {@code text} (indexed as the body, weight D: all such notes rank alike). */
    private void insert(String tenant, String author, String visibility, int count, String titlePrefix, boolean deleted,
                        java.time.OffsetDateTime from, String text) {
        client.preparedQuery("INSERT INTO note (id, tenant, author_id, title, markdown, tags, visibility, version, created_at, updated_at,"
                        + " deleted_at, search_vector) SELECT gen_random_uuid(), $1, $2, $3::text || n, $8, ARRAY['seed'], $4, 1,"
                        + " $7::timestamptz + n * interval '1 minute', now(), CASE WHEN $5::boolean THEN now() END,"
                        + " to_tsvector('english', $8) FROM generate_series(1, $6) n")
                .execute(Tuple.from(List.of(tenant, author, titlePrefix, visibility, deleted, count, from, text))).await().indefinitely();
    }

    private static java.time.OffsetDateTime at(String instant) {
        return java.time.OffsetDateTime.parse(instant);
    }

    private List<String> allTitles(String token, String q) {
        return all(token, q, "items.title");
    }

    /** One field of every hit of every page, in page order. */
    private List<String> all(String token, String q, String path) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("q", q).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/search").then().statusCode(200).extract();
            titles.addAll(page.path(path));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return titles;
    }

    @Test
    void aCommonTermRanksTheNewestThousandReadableMatches() {
        String tenant = "t-" + UUID.randomUUID();
        insert(tenant, "alice", "tenant", 1_200, "old ", false, java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        // Newer than all of them: someone else's private notes and deleted notes, which the learner must not get.
        client.preparedQuery("UPDATE note SET created_at = created_at + interval '1 year' WHERE tenant = $1 AND title IN ('old 1', 'old 2')")
                .execute(Tuple.of(tenant)).await().indefinitely();
        insert(tenant, "carol", "private", 50, "private ", false, java.time.OffsetDateTime.parse("2027-06-01T00:00:00Z"));
        insert(tenant, "alice", "tenant", 50, "deleted ", true, java.time.OffsetDateTime.parse("2027-06-01T00:00:00Z"));
        List<String> titles = allTitles(TOKENS.learner(tenant, "bob"), "zephyrine");
        assertThat(titles).hasSize(1_000).doesNotHaveDuplicates().contains("old 1", "old 2", "old 1200", "old 203")
                .doesNotContain("old 202", "old 3").noneMatch(t -> t.startsWith("private") || t.startsWith("deleted"));
        assertThat(allTitles(TOKENS.learner("other-" + tenant, "bob"), "zephyrine")).isEmpty();
    }

    @Test
    void manyMatchesNoneReadableButAFewGiveJustThoseFew() {
        String tenant = "t-" + UUID.randomUUID();
        insert(tenant, "carol", "private", 1_100, "private ", false, java.time.OffsetDateTime.parse("2026-06-01T00:00:00Z"));
        insert(tenant, "alice", "tenant", 3, "shared ", false, java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        assertThat(allTitles(TOKENS.learner(tenant, "bob"), "zephyrine")).containsExactlyInAnyOrder("shared 1", "shared 2", "shared 3");
        assertThat(allTitles(TOKENS.author(tenant, "carol"), "zephyrine")).hasSize(1_000);
    }
    @Test
    void matchesOlderThanTheNewestNotesWalkedAreFoundNewestFirst() {
        // 1,500 old matches, then more non-matching notes than search walks newest first, then 500 new matches: the
        // candidates are the 500 new ones and the newest 500 of the old ones.
        String tenant = "t-" + UUID.randomUUID();
        insert(tenant, "alice", "tenant", 1_500, "old ", false, at("2026-01-01T00:00:00Z"));
        insert(tenant, "alice", "tenant", NoteSearch.RECENT_WINDOW, "other ", false, at("2026-02-01T00:00:00Z"), "mistral breeze");
        insert(tenant, "alice", "tenant", 500, "new ", false, at("2026-12-01T00:00:00Z"));
        List<String> titles = allTitles(TOKENS.learner(tenant, "bob"), "zephyrine");
        assertThat(titles).hasSize(1_000).doesNotHaveDuplicates().contains("new 1", "new 500", "old 1500", "old 1001")
                .doesNotContain("old 1000", "old 1").noneMatch(t -> t.startsWith("other"));
        // Only the old ones, far behind the newest notes, when the new ones are deleted.
        client.preparedQuery("UPDATE note SET deleted_at = now() WHERE tenant = $1 AND title LIKE 'new %'").execute(Tuple.of(tenant))
                .await().indefinitely();
        assertThat(allTitles(TOKENS.learner(tenant, "bob"), "zephyrine")).hasSize(1_000).contains("old 1500", "old 501")
                .doesNotContain("old 500").noneMatch(t -> t.startsWith("new"));
        assertThat(allTitles(TOKENS.learner(tenant, "bob"), "mistral")).hasSize(1_000).contains("other " + NoteSearch.RECENT_WINDOW);
    }

    @Test
    void twoCommonWordsThatNeverMeetFindOnlyTheNoteWithBoth() {
        String tenant = "t-" + UUID.randomUUID();
        insert(tenant, "alice", "tenant", 1_200, "z ", false, at("2026-01-01T00:00:00Z"));
        insert(tenant, "alice", "tenant", 1_200, "m ", false, at("2026-01-01T00:00:00Z"), "mistral breeze");
        insert(tenant, "alice", "tenant", 1, "both ", false, at("2025-01-01T00:00:00Z"), "zephyrine mistral");
        assertThat(allTitles(TOKENS.learner(tenant, "bob"), "zephyrine mistral")).containsExactly("both 1");
        assertThat(allTitles(TOKENS.learner(tenant, "bob"), "mistral -zephyrine")).hasSize(1_000).noneMatch(t -> t.startsWith("both"));
    }

    @Test
    void pagesFollowTheRankThenTheId() {
        String tenant = "t-" + UUID.randomUUID();
        String author = TOKENS.author(tenant, "alice");
        insert(tenant, "alice", "tenant", 250, "body ", false, at("2026-01-01T00:00:00Z"));
        // A title weighs more than a body (A against D): this one ranks first although it is the oldest.
        client.preparedQuery("INSERT INTO note (id, tenant, author_id, title, markdown, tags, visibility, version, created_at, updated_at,"
                        + " search_vector) VALUES (gen_random_uuid(), $1, 'alice', 'Zephyrine', 'about winds', ARRAY['seed'], 'tenant', 1,"
                        + " '2020-01-01T00:00:00Z', now(), setweight(to_tsvector('english', 'Zephyrine'), 'A') || to_tsvector('english', 'about winds'))")
                .execute(Tuple.of(tenant)).await().indefinitely();
        List<String> titles = allTitles(author, "zephyrine");
        assertThat(titles).hasSize(251).startsWith("Zephyrine").doesNotHaveDuplicates();
        List<String> ids = all(author, "zephyrine", "items.id");
        // equal ranks in id order (PostgreSQL compares uuids as unsigned bytes, as their lower-case text sorts)
        assertThat(ids.subList(1, ids.size())).isSorted();
    }
}
