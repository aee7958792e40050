package dev.recall.quiz.item;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class ItemResource {

    @Inject
    ItemQueries items;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Active items the caller may see", description = "Filter by note, deck, tag and type; cursor-paginated in id order.")
    public Uni<Page<ItemSummary>> list(@QueryParam("note") String noteId, @QueryParam("deck") String deckId,
                                       @QueryParam("tag") String tag, @QueryParam("type") String type,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return items.list(caller, new ItemQueries.ItemFilter(noteId, deckId, tag, type), Page.limit(limit, 50, 200), cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One item, with its source lines in the note")
    public Uni<ItemView> get(@PathParam("id") String id) {
        return items.get(caller, id);
    }
}
