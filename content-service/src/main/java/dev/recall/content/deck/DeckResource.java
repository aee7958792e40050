package dev.recall.content.deck;

import dev.recall.content.note.Actor;
import dev.recall.content.note.NoteService;
import dev.recall.content.note.NoteViews.NoteSummary;
import dev.recall.content.paging.Cursor;
import dev.recall.content.paging.Page;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/decks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class DeckResource {

    public record DeckRequest(String name, UUID parentId) {
    }

    /** {@code parentId} moves the deck; {@code toTop: true} makes it a top-level deck. */
    public record DeckChange(String name, UUID parentId, Boolean toTop) {
    }

    public record MoveNotes(@NotNull @Size(min = 1, max = 500) List<UUID> noteIds) {
    }

    public record DeckView(String id, String name, String parentId, String ownerId, long notes, Instant createdAt, Instant updatedAt) {
    }

    @Inject
    DeckService decks;

    @Inject
    NoteService notes;

    @Inject
    Caller caller;

    @Inject
    Pool client;

    @POST
    @Operation(summary = "Create a deck", description = "parentId nests it under another deck (at most 8 deep).")
    public Uni<Response> create(@Valid @NotNull DeckRequest request) {
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> decks.create(actor, request.name(), request.parentId()))
                .map(deck -> Response.created(URI.create("/api/v1/decks/" + deck.id)).entity(view(deck, 0)).build());
    }

    @GET
    @Operation(summary = "The tenant's decks, with how many live notes each holds")
    public Uni<List<DeckView>> list() {
        Actor actor = Actor.of(caller);
        return counts(actor).chain(counts -> decks.list(actor)
                .map(list -> list.stream().map(d -> view(d, counts.getOrDefault(d.id.toString(), 0L))).toList()));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename a deck or move it under another")
    public Uni<DeckView> change(@PathParam("id") UUID id, @Valid @NotNull DeckChange change) {
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> decks.change(actor, id, change.name(), change.parentId(), Boolean.TRUE.equals(change.toTop())))
                .map(deck -> view(deck, -1));
    }

    @GET
    @Path("/{id}/notes")
    @Operation(summary = "The notes of a deck the caller may read")
    public Uni<Page<NoteSummary>> notes(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Actor actor = Actor.of(caller);
        return Panache.withSession(() -> decks.find(actor, id))
                .chain(deck -> notes.list(actor, new NoteService.Filter(deck.id.toString(), null, null, false), Cursor.limit(limit), cursor));
    }

    @POST
    @Path("/{id}/notes")
    @Operation(summary = "Move notes into this deck", description = "One new version and one NoteUpdated per note that moved.")
    public Uni<Map<String, Integer>> move(@PathParam("id") UUID id, @Valid @NotNull MoveNotes request) {
        Actor actor = Actor.of(caller);
        return Panache.withSession(() -> decks.find(actor, id)).chain(deck -> {
            if (!actor.canWriteDeck(deck.ownerId)) {
                throw ProblemException.forbidden("only the deck's owner or an admin may file notes in it");
            }
            return notes.move(actor, request.noteIds(), deck);
        }).map(moved -> Map.of("moved", moved));
    }

    @POST
    @Path("/{id}/republish")
    @Operation(summary = "Publish the deck's notes again", description = "For a new consumer to catch up; versions do not change.")
    public Uni<Map<String, Integer>> republish(@PathParam("id") UUID id) {
        Actor actor = Actor.of(caller);
        return Panache.withSession(() -> decks.find(actor, id)).chain(deck -> {
            if (!actor.canWriteDeck(deck.ownerId)) {
                throw ProblemException.forbidden("only the deck's owner or an admin may republish it");
            }
            return notes.republish(actor, List.of(deck.id.toString()));
        }).map(count -> Map.of("published", count));
    }

    private Uni<Map<String, Long>> counts(Actor actor) {
        return client.preparedQuery("SELECT deck_id, count(*) FROM note n WHERE " + actor.readableSql("n", 1, 2)
                        + " AND n.deleted_at IS NULL AND n.deck_id IS NOT NULL GROUP BY deck_id")
                .execute(Tuple.of(actor.tenant(), actor.userId()))
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
                    return counts;
                });
    }

    static DeckView view(Deck deck, long notes) {
        return new DeckView(deck.id.toString(), deck.name, deck.parentId == null ? null : deck.parentId.toString(), deck.ownerId, notes,
                deck.createdAt, deck.updatedAt);
    }
}
