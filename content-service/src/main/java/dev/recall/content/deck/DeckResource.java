package dev.recall.content.deck;

import dev.recall.content.access.Actor;
import dev.recall.content.note.NoteCommands;
import dev.recall.content.note.NoteQueries;
import dev.recall.content.note.NoteViews.NoteSummary;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.paging.Page;
import io.smallrye.mutiny.Uni;
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
import dev.recall.content.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
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

    public record MoveNotes(@NotNull @Size(min = 1, max = 500) List<@NotNull UUID> noteIds) {
    }

    public record DeckView(@Schema(format = "uuid") String id, String name, @Schema(nullable = true, format = "uuid") String parentId, String ownerId, long notes, Instant createdAt, Instant updatedAt) {
    }

    @Inject
    DeckService decks;

    @Inject
    NoteCommands noteCommands;

    @Inject
    NoteQueries noteQueries;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Create a deck", description = "parentId nests it under another deck (at most 8 deep).")
    @APIResponse(responseCode = "201", description = "Created; Location points to the deck", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeckView.class)))
    @APIResponse(responseCode = "409", description = "A deck of that name is already there (deck-exists)")
    public Uni<Response> create(@Valid @NotNull DeckRequest request) {
        return decks.create(Actor.of(caller), request.name(), request.parentId())
                .map(deck -> Response.created(URI.create("/api/v1/decks/" + deck.id)).entity(view(deck, 0)).build());
    }

    @GET
    @Operation(summary = "The tenant's decks, with how many live notes each holds")
    public Uni<List<DeckView>> list() {
        return decks.listCounted(Actor.of(caller)).map(list -> list.stream().map(c -> view(c.deck(), c.notes())).toList());
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename a deck or move it under another")
    public Uni<DeckView> change(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @Valid @NotNull DeckChange change) {
        return decks.change(Actor.of(caller), Params.uuid("id", id), change.name(), change.parentId(), Boolean.TRUE.equals(change.toTop()))
                .map(deck -> view(deck, -1));
    }

    @GET
    @Path("/{id}/notes")
    @Operation(summary = "The notes of a deck the caller may read")
    public Uni<Page<NoteSummary>> notes(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id,
                                        @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit,
                                        @QueryParam("cursor") String cursor) {
        Actor actor = Actor.of(caller);
        int size = Page.limit(Params.limit(limit));
        return decks.find(actor, Params.uuid("id", id))
                .chain(deck -> noteQueries.list(actor, new NoteQueries.Filter(deck.id.toString(), null, null, false), size, cursor));
    }

    @POST
    @Path("/{id}/notes")
    @Operation(summary = "Move notes into this deck", description = "One new version and one NoteUpdated per note that moved.")
    public Uni<Map<String, Integer>> move(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @Valid @NotNull MoveNotes request) {
        return noteCommands.moveToDeck(Actor.of(caller), Params.uuid("id", id), request.noteIds()).map(moved -> Map.of("moved", moved));
    }

    @POST
    @Path("/{id}/republish")
    @Operation(summary = "Publish the deck's notes again", description = "For a new consumer to catch up; versions do not change.")
    public Uni<Map<String, Integer>> republish(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id) {
        return noteCommands.republishDeck(Actor.of(caller), Params.uuid("id", id)).map(count -> Map.of("published", count));
    }

    static DeckView view(Deck deck, long notes) {
        return new DeckView(deck.id.toString(), deck.name, deck.parentId == null ? null : deck.parentId.toString(), deck.ownerId, notes,
                deck.createdAt, deck.updatedAt);
    }
}
