package dev.recall.content;

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
        client.preparedQuery("INSERT INTO note (id, tenant, author_id, title, markdown, tags, visibility, version, created_at, updated_at,"
                        + " deleted_at, search_vector) SELECT gen_random_uuid(), $1, $2, $3::text || n, 'zephyrine wind', ARRAY['seed'], $4, 1,"
                        + " $7::timestamptz + n * interval '1 minute', now(), CASE WHEN $5::boolean THEN now() END,"
                        + " to_tsvector('english', 'zephyrine wind') FROM generate_series(1, $6) n")
                .execute(Tuple.from(List.of(tenant, author, titlePrefix, visibility, deleted, count, from))).await().indefinitely();
    }

    private List<String> allTitles(String token, String q) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("q", q).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/search").then().statusCode(200).extract();
            titles.addAll(page.path("items.title"));
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
}
