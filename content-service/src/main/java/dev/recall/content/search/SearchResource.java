package dev.recall.content.search;

import dev.recall.content.note.Actor;
import dev.recall.content.paging.Cursor;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over title (weight A), tags (B) and body (C) with PostgreSQL's own GIN-indexed tsvector.
 * Chinese is indexed as overlapping bigrams (see {@link SearchText}), so 装饰器 matches as the phrase 装饰 饰器.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class SearchResource {

    public record Hit(UUID id, String title, List<String> tags, String deckId, String authorId, double rank, String titleHighlight,
                      List<String> highlights) {
    }

    public record Results(List<Hit> items, String nextCursor) {
    }

    @Inject
    Pool client;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Search notes in Chinese and English", description = "Ranked; highlights wrap matches in <mark>. Filter by deck, tag, author.")
    public Uni<Results> search(@QueryParam("q") String q, @QueryParam("deck") String deck, @QueryParam("tag") String tag,
                               @QueryParam("author") String author, @QueryParam("limit") Integer limitParam,
                               @QueryParam("cursor") String cursor) {
        if (q == null || q.isBlank() || q.length() > 200) {
            throw ProblemException.invalid("q", "must be 1 to 200 characters");
        }
        SearchQuery query = SearchQuery.parse(q);
        if (query.isEmpty()) {
            throw ProblemException.invalid("q", "has no searchable words");
        }
        int limit = Cursor.limit(limitParam);
        Cursor after = Cursor.decode("search", cursor, 1);
        int offset;
        try {
            offset = after == null ? 0 : Integer.parseInt(after.value(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not valid for this list; start again without it");
        }
        Actor actor = Actor.of(caller);
        List<Object> params = new ArrayList<>(List.of(actor.tenant(), actor.userId()));
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
        StringBuilder sql = new StringBuilder("SELECT id, title, tags, deck_id, author_id, markdown, ts_rank(search_vector, ")
                .append(tsquery).append(") AS rank FROM note n WHERE ").append(actor.readableSql("n", 1, 2))
                .append(" AND n.deleted_at IS NULL AND n.search_vector @@ ").append(tsquery);
        if (deck != null) {
            params.add(deck);
            sql.append(" AND n.deck_id = $").append(params.size());
        }
        if (tag != null) {
            params.add(tag);
            sql.append(" AND n.tags @> ARRAY[$").append(params.size()).append("::text]");
        }
        if (author != null) {
            params.add(author);
            sql.append(" AND n.author_id = $").append(params.size());
        }
        params.add(limit + 1);
        params.add(offset);
        sql.append(" ORDER BY rank DESC, n.id LIMIT $").append(params.size() - 1).append(" OFFSET $").append(params.size());
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
