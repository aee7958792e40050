package dev.recall.content.note;

import dev.recall.platform.problem.Text;

import dev.recall.content.access.Actor;
import dev.recall.content.note.NoteViews.NoteSummary;
import dev.recall.content.note.NoteViews.OutlineView;
import dev.recall.content.outline.Outline;
import dev.recall.content.outline.OutlineParser;
import dev.recall.platform.paging.Cursor;
import dev.recall.platform.paging.Page;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of notes: one note, its outline, and the lists (newest first, keyset-paginated). */
@ApplicationScoped
public class NoteQueries {

    @Inject
    Pool client;

    /** Filters of the note list; {@code deleted} lists the trash instead of the live notes. */
    public record Filter(String deckId, String tag, String authorId, boolean deleted) {
        NoteFilter narrowing() {
            return new NoteFilter(deckId, tag, authorId);
        }
    }

    /** A note the caller may read; deleted notes are gone for readers (404). */
    @WithSession
    public Uni<NoteView> get(Actor actor, UUID id) {
        return readable(actor, id).map(NoteView::of);
    }

    @WithSession
    public Uni<OutlineView> outline(Actor actor, UUID id) {
        return readable(actor, id).map(note -> {
            Outline outline = OutlineParser.parse(note.markdown);
            return new OutlineView(note.id, note.version, outline.wordCount(), outline.tree());
        });
    }

    /** The live note if the actor may read it, else 404 (never 403: others' private notes do not exist for them). */
    @WithSession
    public Uni<Note> readable(Actor actor, UUID id) {
        return Note.<Note>find("id = ?1 and deletedAt is null and " + Actor.readableHql(2), withReadParameters(actor, id)).firstResult()
                .map(note -> {
                    if (note == null) {
                        throw ProblemException.notFound(Text.of("content.note.not-found", id));
                    }
                    return note;
                });
    }

    /** The live notes of these decks that the actor may read, by title (the export's order). */
    @WithSession
    public Uni<List<Note>> readableInDecks(Actor actor, List<String> deckIds) {
        return Note.<Note>list("deckId in ?1 and deletedAt is null and " + Actor.readableHql(2) + " order by title, id",
                withReadParameters(actor, deckIds));
    }

    /** Characters of Markdown in the notes {@link #readableInDecks} would load, counted by the database first. */
    public Uni<Long> readableCharactersInDecks(Actor actor, List<String> deckIds) {
        List<Object> params = new ArrayList<>(actor.readParameters());
        params.add(deckIds.toArray(String[]::new));
        return client.preparedQuery("SELECT coalesce(sum(length(n.markdown)), 0) FROM note n WHERE " + actor.readableSql("n", 1)
                        + " AND n.deck_id = ANY($4) AND n.deleted_at IS NULL")
                .execute(Tuple.from(params)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** {@code first} as the query's ?1, then the read rule's three parameters. */
    public static Object[] withReadParameters(Actor actor, Object first) {
        List<Object> params = new ArrayList<>();
        params.add(first);
        params.addAll(actor.readParameters());
        return params.toArray();
    }

    /** Notes the caller may read, newest first, keyset-paginated on (created_at, id). */
    public Uni<Page<NoteSummary>> list(Actor actor, Filter filter, int limit, String cursor) {
        Cursor after = Cursor.decode("notes", cursor, 2);
        List<Object> params = new ArrayList<>(actor.readParameters());
        StringBuilder sql = new StringBuilder("SELECT id, title, tags, deck_id, language, visibility, author_id, version, "
                + "created_at, updated_at, deleted_at FROM note n WHERE ").append(actor.readableSql("n", 1));
        if (filter.deleted()) {
            // the trash: deleted notes the caller could restore
            sql.append(" AND n.deleted_at IS NOT NULL");
            if (!actor.admin()) {
                sql.append(" AND n.author_id = $2");
            }
        } else {
            sql.append(" AND n.deleted_at IS NULL");
        }
        filter.narrowing().appendTo(sql, params);
        if (after != null) {
            params.add(after.time(0));
            params.add(after.uuid(1));
            sql.append(" AND (n.created_at, n.id) < ($").append(params.size() - 1).append(", $").append(params.size()).append(")");
        }
        params.add(limit + 1);
        sql.append(" ORDER BY n.created_at DESC, n.id DESC LIMIT $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<NoteSummary> list = new ArrayList<>();
            rows.forEach(row -> list.add(summary(row)));
            return Page.of(list, limit, s -> s, s -> Cursor.of("notes", s.createdAt().toString(), s.id().toString()));
        });
    }

    private static NoteSummary summary(Row row) {
        return new NoteSummary(row.getUUID("id"), row.getString("title"), List.of(row.getArrayOfStrings("tags")),
                row.getString("deck_id"), row.getString("language"), row.getString("visibility"), row.getString("author_id"),
                row.getLong("version"), instant(row, "created_at"), instant(row, "updated_at"), instant(row, "deleted_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
