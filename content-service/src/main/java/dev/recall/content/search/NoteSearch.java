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

    /**
     * How many of the newest readable notes are walked for the candidates before the GIN index is asked for all
     * matches: a walk costs ~0.3 µs a note, the index ~2 µs a match, so a query that is not found 1,000 times here
     * (under 10% of the notes) costs at most this walk and its matches (benchmarks/run.sh, 100,000 notes).
     */
    public static final int RECENT_WINDOW = 10_000;

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
        StringBuilder readable = new StringBuilder(actor.readableSql("n", 1)).append(" AND n.deleted_at IS NULL");
        filter.appendTo(readable, params);
        params.add(limit + 1);
        params.add(offset);
        String sql = candidates(String.join(" && ", parts), readable.toString(), params.size() - 1);
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<Hit> hits = new ArrayList<>();
            rows.forEach(row -> hits.add(new Hit(row.getUUID("id"), row.getString("title"), List.of(row.getArrayOfStrings("tags")),
                    row.getString("deck_id"), row.getString("author_id"), row.getDouble("rank"),
                    Highlighter.mark(row.getString("title"), query.terms()),
                    Highlighter.fragments(row.getString("markdown"), query.terms(), 3, 120))));
            boolean more = hits.size() > limit;
            return new Results(more ? hits.subList(0, limit) : hits, more ? Cursor.of("search", String.valueOf(offset + limit)).encode() : null);
        });
    }

    /**
     * The statement: the newest {@value #MAX_CANDIDATES} matches the caller may read, ranked, one page of them with the
     * notes' columns. Its plan is fixed by its shape, not by the planner's guess of how common the words are (which
     * it cannot know for phrases and AND-ed words, nor where in time the matches lie), so a cached generic plan is as
     * good as a fresh one:
     * <ul>
     *   <li>{@code recent}: the newest {@value #RECENT_WINDOW} readable notes, newest first (note_tenant_page), until
     *       {@value #MAX_CANDIDATES} of them match: a common query stops early (1,000 matches of a word in every fifth
     *       note: 5,000 notes);</li>
     *   <li>{@code older}: only if that window held fewer, every match through the GIN index (note_search) and a
     *       top-N sort by age, so a rare query, or one whose matches are all old, costs its matches instead of a walk
     *       through all of the tenant's notes;</li>
     *   <li>ranking the candidates needs only their vectors; the page's rows are read last, by id.</li>
     * </ul>
     * The tsquery is computed once (an InitPlan), not per row. {@code tsquery} is an SQL expression of parameters,
     * {@code readable} the read rule and filters on alias {@code n}; {@code limitParam} and the next one are the
     * page's LIMIT and OFFSET.
     */
    static String candidates(String tsquery, String readable, int limitParam) {
        return "WITH query AS MATERIALIZED (SELECT " + tsquery + " AS q),"
                + " recent AS MATERIALIZED (SELECT w.id, w.search_vector FROM (SELECT n.id, n.created_at, n.search_vector FROM note n"
                + " WHERE " + readable + " ORDER BY n.created_at DESC, n.id DESC LIMIT " + RECENT_WINDOW + ") w"
                + " WHERE w.search_vector @@ (SELECT q FROM query) ORDER BY w.created_at DESC, w.id DESC LIMIT " + MAX_CANDIDATES + "),"
                + " candidate AS (SELECT id, search_vector FROM recent WHERE (SELECT count(*) FROM recent) = " + MAX_CANDIDATES
                + " UNION ALL (SELECT older.id, older.search_vector FROM (SELECT n.id, n.created_at, n.search_vector FROM note n"
                + " WHERE (SELECT count(*) FROM recent) < " + MAX_CANDIDATES + " AND " + readable
                + " AND n.search_vector @@ (SELECT q FROM query) OFFSET 0) older"
                + " ORDER BY older.created_at DESC, older.id DESC LIMIT " + MAX_CANDIDATES + ")),"
                + " ranked AS (SELECT c.id, ts_rank(c.search_vector, (SELECT q FROM query)) AS rank FROM candidate c"
                + " ORDER BY rank DESC, c.id LIMIT $" + limitParam + " OFFSET $" + (limitParam + 1) + ")"
                + " SELECT n.id, n.title, n.tags, n.deck_id, n.author_id, n.markdown, r.rank FROM ranked r JOIN note n ON n.id = r.id"
                + " ORDER BY r.rank DESC, r.id";
    }
}
