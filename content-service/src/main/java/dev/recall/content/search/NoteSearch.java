package dev.recall.content.search;

import dev.recall.platform.problem.Text;

import dev.recall.content.access.Actor;
import dev.recall.content.note.NoteFilter;
import dev.recall.platform.paging.Cursor;
import dev.recall.platform.paging.Page;
import dev.recall.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over title (weight A), tags (B) and body (C) with PostgreSQL's own GIN-indexed tsvector.
 * Chinese is indexed as overlapping bigrams (see {@link SearchText}), so 装饰器 matches as the phrase 装饰 饰器.
 * Results are ranked among the newest {@value #MAX_CANDIDATES} matches, so the cursor is an offset into that ranking.
 */
@ApplicationScoped
public class NoteSearch {

    public record Hit(UUID id, String title, List<String> tags, String deckId, String authorId, double rank, String titleHighlight,
                      List<String> highlights) {
    }

    public record Results(List<Hit> items, String nextCursor) {
    }

    /** How many of the newest matches a search ranks; pages end there. */
    static final int MAX_CANDIDATES = 1000;

    @Inject
    Pool client;

    public Uni<Results> search(Actor actor, String q, NoteFilter filter, Integer limitParam, String cursor) {
        if (q == null || q.isBlank() || q.length() > 200) {
            throw ProblemException.invalid("q", Text.of("constraint.Size.range.characters", 1, 200));
        }
        SearchQuery query = SearchQuery.parse(q);
        if (query.isEmpty()) {
            throw ProblemException.invalid("q", Text.of("content.search.no-words"));
        }
        int limit = Page.limit(limitParam);
        Cursor after = Cursor.decode("search", cursor, 1);
        int offset = after == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, after.number(0)));
        List<Object> params = new ArrayList<>(actor.readParameters());
        List<String> parts = new ArrayList<>();
        if (query.latin() != null) {
            params.add(query.latin());
            parts.add("websearch_to_tsquery('english', $" + params.size() + ")");
        }
        if (query.cjk() != null) {
            params.add(query.cjk());
            parts.add("to_tsquery('simple', $" + params.size() + ")");
        }
        String tsquery = "(" + String.join(" && ", parts) + ")";
        // Ranking needs every candidate's ts_rank and a GIN index gives no rank order, so a common term would rank
        // a fifth of a large tenant on every page. Candidates are bounded instead: the newest MAX_CANDIDATES
        // matches, ranked among themselves. Which way to find them is decided on the data, not on the planner's
        // guess of how common the query is (two common words that never meet were guessed at 4% of the tenant and
        // walked all 100,000 notes): note_search_matches (migration V5) takes at most MAX_CANDIDATES of the
        // tenant's matches by the GIN index alone. Fewer than that: they are all the matches ("few", filtered and
        // ordered here). As many: the query is common, and the newest matches are found by walking the tenant's
        // notes newest first (note_tenant_page), which stops at the MAX_CANDIDATES-th match ("many"). One of the two
        // branches runs; each gives the same newest MAX_CANDIDATES readable matches.
        String readable = actor.readableSql("n", 1) + " AND n.deleted_at IS NULL";
        String columns = "n.id, n.title, n.tags, n.deck_id, n.author_id, n.markdown, n.search_vector";
        StringBuilder sql = new StringBuilder("WITH matched AS MATERIALIZED (SELECT id FROM note_search_matches(").append(tsquery)
                .append(", $1, ").append(MAX_CANDIDATES).append(")), few AS (SELECT ").append(columns)
                .append(" FROM matched m JOIN note n ON n.id = m.id WHERE ").append(readable);
        filter.appendTo(sql, params);
        sql.append(" AND (SELECT count(*) FROM matched) < ").append(MAX_CANDIDATES)
                .append(" ORDER BY n.created_at DESC, n.id DESC LIMIT ").append(MAX_CANDIDATES)
                .append("), many AS (SELECT ").append(columns).append(" FROM note n WHERE ").append(readable)
                .append(" AND n.search_vector @@ ").append(tsquery);
        filter.appendTo(sql, params);
        sql.append(" AND (SELECT count(*) FROM matched) >= ").append(MAX_CANDIDATES)
                .append(" ORDER BY n.created_at DESC, n.id DESC LIMIT ").append(MAX_CANDIDATES).append(")")
                .append(" SELECT id, title, tags, deck_id, author_id, markdown, ts_rank(search_vector, ").append(tsquery)
                .append(") AS rank FROM (SELECT * FROM few UNION ALL SELECT * FROM many) candidate");
        params.add(limit + 1);
        params.add(offset);
        sql.append(" ORDER BY rank DESC, candidate.id LIMIT $").append(params.size() - 1).append(" OFFSET $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<Hit> hits = new ArrayList<>();
            rows.forEach(row -> hits.add(new Hit(row.getUUID("id"), row.getString("title"), List.of(row.getArrayOfStrings("tags")),
                    row.getString("deck_id"), row.getString("author_id"), row.getDouble("rank"),
                    Highlighter.mark(row.getString("title"), query.terms()),
                    Highlighter.fragments(row.getString("markdown"), query.terms(), 3, 120))));
            boolean more = hits.size() > limit;
            return new Results(more ? hits.subList(0, limit) : hits, more ? Cursor.of("search", String.valueOf(offset + limit)).encode() : null);
        });
    }
}
