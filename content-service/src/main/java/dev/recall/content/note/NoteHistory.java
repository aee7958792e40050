package dev.recall.content.note;

import dev.recall.platform.problem.Text;

import dev.recall.content.access.Actor;
import dev.recall.content.diff.LineDiff;
import dev.recall.content.note.NoteViews.DiffView;
import dev.recall.content.note.NoteViews.FieldChange;
import dev.recall.content.note.NoteViews.VersionSummary;
import dev.recall.content.note.NoteViews.VersionView;
import dev.recall.platform.paging.Cursor;
import dev.recall.platform.paging.Page;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A note's immutable versions and the differences between them. Whoever may read the note may read its history. */
@ApplicationScoped
public class NoteHistory {

    @Inject
    NoteQueries queries;

    /** The version history, newest first. */
    @WithSession
    public Uni<Page<VersionSummary>> versions(Actor actor, UUID id, int limit, String cursor) {
        Cursor after = Cursor.decode("versions", cursor, 1);
        long before = after == null ? Long.MAX_VALUE : after.number(0);
        return queries.readable(actor, id)
                .chain(note -> NoteVersion.<NoteVersion>find("noteId = ?1 and version < ?2 order by version desc", id, before)
                        .page(0, limit + 1).list())
                .map(rows -> Page.of(rows, limit,
                        v -> new VersionSummary(v.version, v.change, v.title, List.of(v.tags), v.deckId, v.visibility, v.editedBy, v.createdAt),
                        v -> Cursor.of("versions", Long.toString(v.version))));
    }

    @WithSession
    public Uni<VersionView> version(Actor actor, UUID id, long version) {
        return queries.readable(actor, id).chain(note -> find(id, version)).map(v -> new VersionView(v.noteId, v.version, v.change,
                v.title, v.markdown, List.of(v.tags), v.deckId, v.language, v.visibility, v.editedBy, v.createdAt));
    }

    /**
     * A line diff of the Markdown between two versions, plus the metadata fields that changed. {@code to}
     * defaults to the current version, {@code from} to the one before {@code to}.
     */
    @WithSession
    public Uni<DiffView> diff(Actor actor, UUID id, Long from, Long to) {
        if (to != null) {
            checkRange(from != null ? from : to - 1, to);
        }
        return queries.readable(actor, id).chain(note -> {
            long t = to != null ? to : note.version;
            long f = from != null ? from : t - 1;
            checkRange(f, t);
            return find(id, f).chain(a -> find(id, t).map(b -> {
                LineDiff.Result diff = LineDiff.diff("v" + f, a.markdown, "v" + t, b.markdown);
                List<FieldChange> fields = new ArrayList<>();
                field(fields, "title", a.title, b.title);
                field(fields, "tags", List.of(a.tags), List.of(b.tags));
                field(fields, "deckId", a.deckId, b.deckId);
                field(fields, "language", a.language, b.language);
                field(fields, "visibility", a.visibility, b.visibility);
                return new DiffView(id, f, t, diff.unified(), diff.changes(), diff.linesAdded(), diff.linesRemoved(), fields);
            }));
        });
    }

    private static void checkRange(long from, long to) {
        if (from < 1 || to < 1) {
            throw ProblemException.invalid("from", Text.of("content.version.before-first", to));
        }
    }

    private static void field(List<FieldChange> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(new FieldChange(name, a, b));
        }
    }

    private static Uni<NoteVersion> find(UUID id, long version) {
        return NoteVersion.<NoteVersion>find("noteId = ?1 and version = ?2", id, version).firstResult()
                .map(v -> {
                    if (v == null) {
                        throw ProblemException.notFound(Text.of("content.version.not-found", version, id));
                    }
                    return v;
                });
    }
}
