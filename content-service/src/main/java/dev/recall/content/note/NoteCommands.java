package dev.recall.content.note;

import dev.recall.platform.problem.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recall.content.access.Actor;
import dev.recall.content.deck.Deck;
import dev.recall.content.deck.DeckService;
import dev.recall.content.search.SearchIndexer;
import dev.recall.events.NoteEvents;
import dev.recall.platform.idempotency.IdempotencyKeys;
import dev.recall.platform.idempotency.IdempotencyKeys.Stored;
import dev.recall.platform.outbox.Outbox;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every change to notes. Each one goes through {@link #insert} (a new note) or {@link #record}: a version row, the search vector and
 * exactly one event in the outbox, in the same transaction as the change itself.
 */
@ApplicationScoped
public class NoteCommands {

    private static final Set<String> PATCHABLE = Set.of("title", "markdown", "tags", "deckId", "language", "visibility");

    @Inject
    Outbox outbox;

    @Inject
    SearchIndexer search;

    @Inject
    DeckService decks;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper mapper;

    /** Stores a new note, its first version and its NotePublished event; replays the answer for a repeated Idempotency-Key. */
    @WithTransaction
    public Uni<Stored> create(Actor actor, NoteRequest request, String idempotencyKey) {
        checkText(request);
        return idempotency.once(actor.tenant(), actor.userId(), idempotencyKey, request,
                () -> insert(actor, request, null).map(note ->
                        new Stored(201, idempotency.json(NoteView.of(note)), "/api/v1/notes/" + note.id)));
    }

    /**
     * Inserts a note inside the caller's transaction (also used by the import). {@code newDeck} files it in a
     * deck the same transaction just created, which needs no check.
     */
    public Uni<Note> insert(Actor actor, NoteRequest request, Deck newDeck) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.tenant = actor.tenant();
        note.authorId = actor.userId();
        note.title = request.title().strip();
        note.markdown = request.markdown();
        note.tags = tags(request.tags());
        note.deckId = newDeck != null ? newDeck.id.toString() : request.deckId();
        note.language = request.language();
        note.visibility = visibility(request);
        note.version = 1;
        note.createdAt = now();
        note.updatedAt = note.createdAt;
        Uni<String> deck = newDeck != null ? Uni.createFrom().item(note.deckId) : decks.requireFileable(actor, note.deckId);
        return deck
                .chain(deckId -> {
                    note.deckId = deckId;
                    return insertRows(note, actor);
                })
                .chain(() -> outbox.append(note.id.toString(), note.tenant, NoteChange.CREATED.event(note)))
                .replaceWith(note);
    }

    /**
     * A new note's row, with its search vector, and its first version row, in one statement: no flush, no second
     * write of the row for the vector, the Markdown sent once. The note is not put in the session (nothing in the
     * transaction changes it after its creation).
     */
    private static Uni<Integer> insertRows(Note note, Actor actor) {
        return Panache.getSession().chain(session -> SearchIndexer.bind(session.createNativeQuery(INSERT_NOTE), note)
                .setParameter("id", note.id)
                .setParameter("tenant", note.tenant)
                .setParameter("author", note.authorId)
                .setParameter("title", note.title)
                .setParameter("markdown", note.markdown)
                .setParameter("tags", note.tags)
                .setParameter("deck", note.deckId)
                .setParameter("language", note.language)
                .setParameter("visibility", note.visibility)
                .setParameter("at", note.createdAt)
                .setParameter("editedBy", actor.userId())
                .executeUpdate());
    }

    private static final String INSERT_NOTE = "WITH n AS (INSERT INTO note (id, tenant, author_id, title, markdown, tags, deck_id, language,"
            + " visibility, version, created_at, updated_at, search_vector) VALUES (:id, :tenant, :author, :title, :markdown,"
            + " CAST(:tags AS text[]), CAST(:deck AS text), CAST(:language AS text), :visibility, 1, :at, :at, " + SearchIndexer.VECTOR + ")"
            + " RETURNING id, version, title, markdown, tags, deck_id, language, visibility, created_at)"
            + " INSERT INTO note_version (note_id, version, change, title, markdown, tags, deck_id, language, visibility, edited_by, created_at)"
            + " SELECT id, version, '" + NoteChange.CREATED.label + "', title, markdown, tags, deck_id, language, visibility, :editedBy, created_at FROM n";

    /** PUT: replaces the note's content and metadata; absent optional fields reset to their defaults. */
    @WithTransaction
    public Uni<NoteView> replace(Actor actor, UUID id, String ifMatch, NoteRequest request) {
        Preconditions.requirePresent(ifMatch);
        checkText(request);
        return change(actor, id, ifMatch, note -> request);
    }

    /** PATCH: a JSON merge patch (RFC 7396) of title, markdown, tags, deckId, language, visibility. */
    @WithTransaction
    public Uni<NoteView> patch(Actor actor, UUID id, String ifMatch, JsonNode patch) {
        Preconditions.requirePresent(ifMatch);
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("malformed-json", Text.of("content.patch.not-object"));
        }
        List<String> unknown = new ArrayList<>();
        patch.fieldNames().forEachRemaining(f -> {
            if (!PATCHABLE.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown.get(0), Text.of("content.patch.unknown-field", String.join(", ", PATCHABLE.stream().sorted().toList())));
        }
        return change(actor, id, ifMatch, note -> merged(note, patch));
    }

    /** The note's current fields with the patch applied, validated like a request body. */
    private NoteRequest merged(Note note, JsonNode patch) {
        ObjectNode merged = mapper.valueToTree(new NoteRequest(note.title, note.markdown, List.of(note.tags), note.deckId,
                note.language, note.visibility));
        patch.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        NoteRequest request;
        try {
            request = mapper.treeToValue(merged, NoteRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Jackson's message names our classes; say which member is wrong and nothing else.
            String field = e instanceof MismatchedInputException m ? m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") : "";
            throw ProblemException.invalid(field.isEmpty() ? "patch" : field, Text.of("content.patch.wrong-type"));
        }
        Set<ConstraintViolation<NoteRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        checkText(request);
        return request;
    }

    private Uni<NoteView> change(Actor actor, UUID id, String ifMatch, Function<Note, NoteRequest> next) {
        return lockWritable(actor, id, false).chain(note -> {
            Preconditions.check(ifMatch, note.version);
            NoteRequest request = next.apply(note);
            String[] tags = tags(request.tags());
            String visibility = visibility(request);
            boolean sameContent = note.title.equals(request.title().strip()) && note.markdown.equals(request.markdown())
                    && Arrays.equals(note.tags, tags) && Objects.equals(note.language, request.language())
                    && note.visibility.equals(visibility);
            Uni<String> deck = Objects.equals(note.deckId, request.deckId()) ? Uni.createFrom().item(note.deckId)
                    : decks.requireFileable(actor, request.deckId());
            return deck.chain(deckId -> {
                boolean sameDeck = Objects.equals(note.deckId, deckId);
                if (sameContent && sameDeck) {
                    return Uni.createFrom().item(note); // nothing changed: no version, no event
                }
                note.title = request.title().strip();
                note.markdown = request.markdown();
                note.tags = tags;
                note.deckId = deckId;
                note.language = request.language();
                note.visibility = visibility;
                return record(note, sameContent ? NoteChange.MOVED : NoteChange.UPDATED, actor);
            });
        }).map(NoteView::of);
    }

    /**
     * Moves notes into a deck the actor may file in (or out of every deck with null): one version and one
     * NoteUpdated per note that moved. Returns how many moved.
     */
    @WithTransaction
    public Uni<Integer> moveToDeck(Actor actor, UUID deckId, List<UUID> ids) {
        return decks.requireWritable(actor, deckId, "file").chain(deck -> {
            String target = deck.id.toString();
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UUID id : new LinkedHashSet<>(ids)) {
                chain = chain.chain(moved -> lockWritable(actor, id, false).chain(note -> {
                    if (Objects.equals(note.deckId, target)) {
                        return Uni.createFrom().item(moved);
                    }
                    note.deckId = target;
                    return record(note, NoteChange.MOVED, actor).replaceWith(moved + 1);
                }));
            }
            return chain;
        });
    }

    /** Soft delete: the note disappears from reads and search; its versions stay; NoteDeleted is published. */
    @WithTransaction
    public Uni<Void> delete(Actor actor, UUID id, String ifMatch) {
        return lockWritable(actor, id, false).chain(note -> {
            Preconditions.check(ifMatch, note.version);
            note.deletedAt = now();
            return record(note, NoteChange.DELETED, actor);
        }).replaceWithVoid();
    }

    /** Brings a soft-deleted note back as a new version; NotePublished tells consumers it exists again. */
    @WithTransaction
    public Uni<NoteView> restore(Actor actor, UUID id, String ifMatch) {
        return lockWritable(actor, id, true).chain(note -> {
            Preconditions.check(ifMatch, note.version);
            if (note.deletedAt == null) {
                throw ProblemException.conflict("not-deleted", Text.of("content.note.not-deleted", id));
            }
            note.deletedAt = null;
            return record(note, NoteChange.RESTORED, actor);
        }).map(NoteView::of);
    }

    /**
     * Publishes NotePublished again for the live notes of a deck the actor manages, so a new consumer can
     * catch up. Versions do not change; consumers already up to date see a version they have.
     */
    @WithTransaction
    public Uni<Integer> republishDeck(Actor actor, UUID deckId) {
        return decks.requireWritable(actor, deckId, "republish")
                .chain(deck -> Note.<Note>find("tenant = ?1 and deckId in ?2 and deletedAt is null order by createdAt, id",
                        actor.tenant(), List.of(deck.id.toString())).list())
                .chain(notes -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Note note : notes) {
                        if (!actor.canWrite(note)) {
                            continue;
                        }
                        chain = chain.chain(n -> outbox.append(note.id.toString(), note.tenant,
                                new NoteEvents.NotePublished(NoteChange.snapshot(note))).replaceWith(n + 1));
                    }
                    return chain;
                });
    }

    /**
     * The write path of every change after the creation ({@link #insert} writes a new note's rows in one statement):
     * a new version number, the version row, the search vector and the change's event, all in the current transaction.
     */
    private Uni<Note> record(Note note, NoteChange change, Actor actor) {
        note.version++;
        note.updatedAt = now();
        return NoteVersion.of(note, change.label, actor.userId()).persist()
                .chain(() -> search.index(note))
                .chain(() -> outbox.append(note.id.toString(), note.tenant, change.event(note)))
                .replaceWith(note);
    }

    /**
     * The note locked for update (FOR UPDATE), if the actor may change it: 404 when they cannot read it (the read rule
     * is part of the query), 403 when they can read but not change it.
     */
    private Uni<Note> lockWritable(Actor actor, UUID id, boolean allowDeleted) {
        return Note.<Note>find("id = ?1 and " + Actor.readableHql(2), NoteQueries.withReadParameters(actor, id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().map(note -> {
                    if (note == null || (note.deletedAt != null && !allowDeleted)) {
                        throw ProblemException.notFound(Text.of("content.note.not-found", id));
                    }
                    if (!actor.canWrite(note)) {
                        if (note.deletedAt == null) {
                            throw ProblemException.forbidden(Text.of("content.note.author-only"));
                        }
                        throw ProblemException.notFound(Text.of("content.note.not-found", id));
                    }
                    return note;
                });
    }

    static String[] tags(List<String> tags) {
        return tags == null ? new String[0] : tags.stream().map(String::strip).distinct().toArray(String[]::new);
    }

    private static String visibility(NoteRequest request) {
        return request.visibility() == null ? "private" : request.visibility();
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
}
