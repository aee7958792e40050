package dev.recall.content.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recall.content.deck.Deck;
import dev.recall.content.diff.LineDiff;
import dev.recall.content.note.NoteViews.DiffView;
import dev.recall.content.note.NoteViews.FieldChange;
import dev.recall.content.note.NoteViews.NoteSummary;
import dev.recall.content.note.NoteViews.OutlineView;
import dev.recall.content.note.NoteViews.VersionSummary;
import dev.recall.content.note.NoteViews.VersionView;
import dev.recall.content.outline.Outline;
import dev.recall.content.outline.OutlineParser;
import dev.recall.content.paging.Cursor;
import dev.recall.content.paging.Page;
import dev.recall.content.search.SearchText;
import dev.recall.events.EventData;
import dev.recall.events.NoteEvents;
import dev.recall.platform.idempotency.IdempotencyKeys;
import dev.recall.platform.idempotency.IdempotencyKeys.Stored;
import dev.recall.platform.outbox.Outbox;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Notes: every accepted change is one transaction that updates the note, appends an immutable version,
 * refreshes the search vector and appends exactly one event to the outbox.
 */
@ApplicationScoped
public class NoteService {

    private static final Set<String> PATCHABLE = Set.of("title", "markdown", "tags", "deckId", "language", "visibility");

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool client;

    // ---------------------------------------------------------------- writes

    /** Stores a new note, its first version and its NotePublished event in one transaction. */
    public Uni<Stored> create(Actor actor, NoteRequest request, String idempotencyKey) {
        checkText(request);
        return Panache.withTransaction(() -> idempotency.once(actor.tenant(), actor.userId(), idempotencyKey, request,
                        () -> insert(actor, request, null).map(note ->
                                new Stored(201, idempotency.json(view(note)), "/api/v1/notes/" + note.id))))
                .invoke(outbox::committed);
    }

    /**
     * Inserts a note inside the caller's transaction (also used by the import). {@code deckOverride} skips
     * the deck check for decks the same transaction just created.
     */
    public Uni<Note> insert(Actor actor, NoteRequest request, Deck deckOverride) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.tenant = actor.tenant();
        note.authorId = actor.userId();
        note.title = request.title().strip();
        note.markdown = request.markdown();
        note.tags = tags(request.tags());
        note.deckId = deckOverride != null ? deckOverride.id.toString() : request.deckId();
        note.language = request.language();
        note.visibility = request.visibility() == null ? "private" : request.visibility();
        note.version = 1;
        note.createdAt = now();
        note.updatedAt = note.createdAt;
        Uni<Void> deckCheck = deckOverride != null ? Uni.createFrom().voidItem() : requireDeck(actor, note.deckId);
        return deckCheck
                .chain(() -> note.<Note>persist())
                .chain(() -> recorded(note, "created", actor, new NoteEvents.NotePublished(snapshot(note))))
                .replaceWith(note);
    }

    /** PUT: replaces the note's content and metadata; absent optional fields reset to their defaults. */
    public Uni<NoteView> replace(Actor actor, UUID id, String ifMatch, NoteRequest request) {
        Preconditions.requirePresent(ifMatch);
        checkText(request);
        return change(actor, id, ifMatch, note -> request);
    }

    /** PATCH: a JSON merge patch (RFC 7396) of title, markdown, tags, deckId, language, visibility. */
    public Uni<NoteView> patch(Actor actor, UUID id, String ifMatch, JsonNode patch) {
        Preconditions.requirePresent(ifMatch);
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("malformed-json", "a merge patch must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        patch.fieldNames().forEachRemaining(f -> {
            if (!PATCHABLE.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown.get(0), "is not a field of a note (patchable: " + String.join(", ", PATCHABLE.stream().sorted().toList()) + ")");
        }
        return change(actor, id, ifMatch, note -> {
            ObjectNode merged = mapper.valueToTree(new NoteRequest(note.title, note.markdown, List.of(note.tags), note.deckId,
                    note.language, note.visibility));
            patch.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            NoteRequest request;
            try {
                request = mapper.treeToValue(merged, NoteRequest.class);
            } catch (Exception e) {
                throw ProblemException.badRequest("malformed-json", "the patch has a value of the wrong type: " + e.getMessage());
            }
            Set<ConstraintViolation<NoteRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            checkText(request);
            return request;
        });
    }

    private Uni<NoteView> change(Actor actor, UUID id, String ifMatch, java.util.function.Function<Note, NoteRequest> next) {
        return Panache.withTransaction(() -> lockWritable(actor, id, false).chain(note -> {
                    Preconditions.check(ifMatch, note.version);
                    NoteRequest request = next.apply(note);
                    String[] tags = tags(request.tags());
                    String visibility = request.visibility() == null ? "private" : request.visibility();
                    boolean same = note.title.equals(request.title().strip()) && note.markdown.equals(request.markdown())
                            && Arrays.equals(note.tags, tags) && Objects.equals(note.deckId, request.deckId())
                            && Objects.equals(note.language, request.language()) && note.visibility.equals(visibility);
                    if (same) {
                        return Uni.createFrom().item(note); // nothing changed: no version, no event
                    }
                    boolean moveOnly = note.title.equals(request.title().strip()) && note.markdown.equals(request.markdown())
                            && Arrays.equals(note.tags, tags) && Objects.equals(note.language, request.language())
                            && note.visibility.equals(visibility);
                    Uni<Void> deckCheck = Objects.equals(note.deckId, request.deckId()) ? Uni.createFrom().voidItem()
                            : requireDeck(actor, request.deckId());
                    return deckCheck.chain(() -> {
                        note.title = request.title().strip();
                        note.markdown = request.markdown();
                        note.tags = tags;
                        note.deckId = request.deckId();
                        note.language = request.language();
                        note.visibility = visibility;
                        return bump(note, moveOnly ? "moved" : "updated", actor, new NoteEvents.NoteUpdated(null));
                    });
                }))
                .invoke(outbox::committed)
                .map(NoteService::view);
    }

    /** Moves notes into a deck (or out of every deck with null): one version and one NoteUpdated per moved note. */
    public Uni<Integer> move(Actor actor, List<UUID> ids, Deck deck) {
        String deckId = deck == null ? null : deck.id.toString();
        return Panache.withTransaction(() -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (UUID id : new LinkedHashSet<>(ids)) {
                        chain = chain.chain(moved -> lockWritable(actor, id, false).chain(note -> {
                            if (Objects.equals(note.deckId, deckId)) {
                                return Uni.createFrom().item(moved);
                            }
                            note.deckId = deckId;
                            return bump(note, "moved", actor, new NoteEvents.NoteUpdated(null)).replaceWith(moved + 1);
                        }));
                    }
                    return chain;
                })
                .invoke(outbox::committed);
    }

    /** Soft delete: the note disappears from reads and search; its versions stay; NoteDeleted is published. */
    public Uni<Void> delete(Actor actor, UUID id, String ifMatch) {
        return Panache.withTransaction(() -> lockWritable(actor, id, false).chain(note -> {
                    Preconditions.check(ifMatch, note.version);
                    note.deletedAt = now();
                    return bump(note, "deleted", actor, null);
                }))
                .invoke(outbox::committed)
                .replaceWithVoid();
    }

    /** Brings a soft-deleted note back as a new version; NotePublished tells consumers it exists again. */
    public Uni<NoteView> restore(Actor actor, UUID id, String ifMatch) {
        return Panache.withTransaction(() -> lockWritable(actor, id, true).chain(note -> {
                    Preconditions.check(ifMatch, note.version);
                    if (note.deletedAt == null) {
                        throw ProblemException.conflict("not-deleted", "note " + id + " is not deleted");
                    }
                    note.deletedAt = null;
                    return bump(note, "restored", actor, new NoteEvents.NotePublished(null));
                }))
                .invoke(outbox::committed)
                .map(NoteService::view);
    }

    /**
     * Publishes NotePublished again for the live notes of a deck the actor manages, so a new consumer can
     * catch up. Versions do not change; consumers already up to date see a version they have.
     */
    public Uni<Integer> republish(Actor actor, List<String> deckIds) {
        return Panache.withTransaction(() -> Note.<Note>find("tenant = ?1 and deckId in ?2 and deletedAt is null order by createdAt, id",
                                actor.tenant(), deckIds).list()
                        .chain(notes -> {
                            Uni<Integer> chain = Uni.createFrom().item(0);
                            for (Note note : notes) {
                                if (!actor.canWrite(note)) {
                                    continue;
                                }
                                chain = chain.chain(n -> outbox.append(note.id.toString(), note.tenant,
                                        new NoteEvents.NotePublished(snapshot(note))).replaceWith(n + 1));
                            }
                            return chain;
                        }))
                .invoke(outbox::committed);
    }

    /** New version number, version row, search vector and exactly one event, all in the current transaction. */
    private Uni<Note> bump(Note note, String change, Actor actor, EventData kind) {
        note.version++;
        note.updatedAt = now();
        EventData event;
        if (kind == null) {
            event = new NoteEvents.NoteDeleted(note.id.toString(), note.tenant, note.version, note.deletedAt);
        } else if (kind instanceof NoteEvents.NotePublished) {
            event = new NoteEvents.NotePublished(snapshot(note));
        } else {
            event = new NoteEvents.NoteUpdated(snapshot(note));
        }
        return recorded(note, change, actor, event).replaceWith(note);
    }

    private Uni<Void> recorded(Note note, String change, Actor actor, EventData event) {
        return NoteVersion.of(note, change, actor.userId()).persist()
                .chain(() -> Panache.getSession())
                .chain(session -> session.flush().chain(() -> session.createNativeQuery(
                                "UPDATE note SET search_vector = setweight(to_tsvector('english', :title), 'A')"
                                        + " || setweight(to_tsvector('english', :tags), 'B')"
                                        + " || setweight(to_tsvector('english', :body), 'C') WHERE id = :id")
                        .setParameter("title", SearchText.prepare(note.title))
                        .setParameter("tags", SearchText.prepare(String.join(" ", note.tags)))
                        .setParameter("body", note.deletedAt != null ? "" : SearchText.prepare(note.markdown))
                        .setParameter("id", note.id)
                        .executeUpdate()))
                .chain(() -> outbox.append(note.id.toString(), note.tenant, event))
                .replaceWithVoid();
    }

    /** The note locked for update (FOR UPDATE), if the actor may change it: 404 when they cannot see it, else 403. */
    private Uni<Note> lockWritable(Actor actor, UUID id, boolean allowDeleted) {
        return Note.<Note>findById(id, LockModeType.PESSIMISTIC_WRITE).map(note -> {
            if (note == null || !note.tenant.equals(actor.tenant()) || (note.deletedAt != null && !allowDeleted)) {
                throw ProblemException.notFound("note", id.toString());
            }
            if (!actor.canWrite(note)) {
                if (actor.canRead(note) && note.deletedAt == null) {
                    throw ProblemException.forbidden("only the note's author or an admin of the tenant may change it");
                }
                throw ProblemException.notFound("note", id.toString());
            }
            return note;
        });
    }

    /** A deck the actor may file notes in: same tenant, theirs (or any, for an admin). */
    public Uni<Void> requireDeck(Actor actor, String deckId) {
        if (deckId == null) {
            return Uni.createFrom().voidItem();
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(deckId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(unknownDeck(deckId));
        }
        return Deck.<Deck>findById(uuid).map(deck -> {
            if (deck == null || !deck.tenant.equals(actor.tenant())) {
                throw unknownDeck(deckId);
            }
            if (!actor.canWriteDeck(deck.ownerId)) {
                throw ProblemException.forbidden("deck " + deckId + " belongs to another author");
            }
            return null;
        }).replaceWithVoid();
    }

    private static ProblemException unknownDeck(String deckId) {
        return new ProblemException(422, "unknown-deck", "Unknown deck", "deck " + deckId + " does not exist in your tenant");
    }

    // ---------------------------------------------------------------- reads

    /** A note the caller may read; deleted notes are gone for readers (404). */
    public Uni<NoteView> get(Actor actor, UUID id) {
        return readable(actor, id).map(NoteService::view);
    }

    Uni<Note> readable(Actor actor, UUID id) {
        return Panache.withSession(() -> Note.<Note>find("id = ?1 and tenant = ?2 and deletedAt is null", id, actor.tenant()).firstResult())
                .map(note -> {
                    if (note == null || !actor.canRead(note)) {
                        throw ProblemException.notFound("note", id.toString());
                    }
                    return note;
                });
    }

    public Uni<OutlineView> outline(Actor actor, UUID id) {
        return readable(actor, id).map(note -> {
            Outline outline = OutlineParser.parse(note.markdown);
            return new OutlineView(note.id, note.version, outline.wordCount(), outline.tree());
        });
    }

    /** Filters of the note list. */
    public record Filter(String deckId, String tag, String authorId, boolean deleted) {
    }

    /** Notes the caller may read, newest first, keyset-paginated on (created_at, id). */
    public Uni<Page<NoteSummary>> list(Actor actor, Filter filter, int limit, String cursor) {
        Cursor after = Cursor.decode("notes", cursor, 2);
        List<Object> params = new ArrayList<>(List.of(actor.tenant(), actor.userId()));
        StringBuilder sql = new StringBuilder("SELECT id, title, tags, deck_id, language, visibility, author_id, version, "
                + "created_at, updated_at, deleted_at FROM note n WHERE ").append(actor.readableSql("n", 1, 2));
        if (filter.deleted()) {
            // the trash: deleted notes the caller could restore
            sql.append(" AND n.deleted_at IS NOT NULL");
            if (!actor.admin()) {
                sql.append(" AND n.author_id = $2");
            }
        } else {
            sql.append(" AND n.deleted_at IS NULL");
        }
        if (filter.deckId() != null) {
            params.add(filter.deckId());
            sql.append(" AND n.deck_id = $").append(params.size());
        }
        if (filter.tag() != null) {
            params.add(filter.tag());
            sql.append(" AND n.tags @> ARRAY[$").append(params.size()).append("::text]");
        }
        if (filter.authorId() != null) {
            params.add(filter.authorId());
            sql.append(" AND n.author_id = $").append(params.size());
        }
        if (after != null) {
            params.add(parseTime(after.value(0)));
            params.add(parseUuid(after.value(1)));
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

    static NoteSummary summary(Row row) {
        return new NoteSummary(row.getUUID("id"), row.getString("title"), List.of(row.getArrayOfStrings("tags")),
                row.getString("deck_id"), row.getString("language"), row.getString("visibility"), row.getString("author_id"),
                row.getLong("version"), instant(row, "created_at"), instant(row, "updated_at"), instant(row, "deleted_at"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime parseTime(String value) {
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not valid for this list; start again without it");
        }
    }

    static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not valid for this list; start again without it");
        }
    }

    /** The version history, newest first. Readers of the note may read its history. */
    public Uni<Page<VersionSummary>> versions(Actor actor, UUID id, int limit, String cursor) {
        Cursor after = Cursor.decode("versions", cursor, 1);
        long before = after == null ? Long.MAX_VALUE : parseLong(after.value(0));
        return readable(actor, id).chain(note -> Panache.withSession(() -> NoteVersion.<NoteVersion>find(
                        "noteId = ?1 and version < ?2 order by version desc", id, before).page(0, limit + 1).list()))
                .map(rows -> Page.of(rows, limit,
                        v -> new VersionSummary(v.version, v.change, v.title, List.of(v.tags), v.deckId, v.visibility, v.editedBy, v.createdAt),
                        v -> Cursor.of("versions", Long.toString(v.version))));
    }

    public Uni<VersionView> version(Actor actor, UUID id, long version) {
        return readable(actor, id).chain(note -> findVersion(id, version)).map(v -> new VersionView(v.noteId, v.version, v.change,
                v.title, v.markdown, List.of(v.tags), v.deckId, v.language, v.visibility, v.editedBy, v.createdAt));
    }

    /** A line diff of the Markdown between two versions, plus the metadata fields that changed. */
    public Uni<DiffView> diff(Actor actor, UUID id, long from, long to) {
        return readable(actor, id)
                .chain(note -> findVersion(id, from).chain(a -> findVersion(id, to).map(b -> {
                    LineDiff.Result diff = LineDiff.diff("v" + from, a.markdown, "v" + to, b.markdown);
                    List<FieldChange> fields = new ArrayList<>();
                    field(fields, "title", a.title, b.title);
                    field(fields, "tags", List.of(a.tags), List.of(b.tags));
                    field(fields, "deckId", a.deckId, b.deckId);
                    field(fields, "language", a.language, b.language);
                    field(fields, "visibility", a.visibility, b.visibility);
                    return new DiffView(id, from, to, diff.unified(), diff.changes(), diff.linesAdded(), diff.linesRemoved(), fields);
                })));
    }

    private static void field(List<FieldChange> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(new FieldChange(name, a, b));
        }
    }

    private Uni<NoteVersion> findVersion(UUID id, long version) {
        return Panache.withSession(() -> NoteVersion.<NoteVersion>find("noteId = ?1 and version = ?2", id, version).firstResult())
                .map(v -> {
                    if (v == null) {
                        throw ProblemException.notFound("version", id + "/" + version);
                    }
                    return v;
                });
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not valid for this list; start again without it");
        }
    }

    // ---------------------------------------------------------------- mapping

    static String[] tags(List<String> tags) {
        return tags == null ? new String[0] : tags.stream().map(String::strip).distinct().toArray(String[]::new);
    }

    static void checkText(NoteRequest request) {
        TextRules.requireValid("title", request.title());
        TextRules.requireValid("markdown", request.markdown());
        if (request.tags() != null) {
            request.tags().forEach(t -> TextRules.requireValid("tags", t));
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static NoteView view(Note note) {
        return new NoteView(note.id, note.title, note.markdown, List.of(note.tags), note.deckId, note.language, note.visibility,
                note.authorId, note.version, OutlineParser.outline(note.markdown), note.createdAt, note.updatedAt);
    }

    public static NoteEvents.NoteSnapshot snapshot(Note note) {
        return new NoteEvents.NoteSnapshot(note.id.toString(), note.tenant, note.authorId, note.title, note.markdown,
                List.of(note.tags), note.deckId, note.language, note.visibility, note.version, OutlineParser.outline(note.markdown),
                note.updatedAt);
    }
}
