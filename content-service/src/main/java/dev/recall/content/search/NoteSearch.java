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
        // matches (by the note_tenant_page index, or by the GIN index and a top-N sort for rare terms: the
        // planner picks), ranked among themselves.
        StringBuilder sql = new StringBuilder("SELECT id, title, tags, deck_id, author_id, markdown, ts_rank(search_vector, ")
                .append(tsquery).append(") AS rank FROM (SELECT n.id, n.title, n.tags, n.deck_id, n.author_id, n.markdown, n.search_vector")
                .append(" FROM note n WHERE ").append(actor.readableSql("n", 1))
                .append(" AND n.deleted_at IS NULL AND n.search_vector @@ ").append(tsquery);
        filter.appendTo(sql, params);
        sql.append(" ORDER BY n.created_at DESC, n.id DESC LIMIT ").append(MAX_CANDIDATES).append(") candidate");
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
