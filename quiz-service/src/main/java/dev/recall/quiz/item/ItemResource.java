package dev.recall.quiz.item;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.paging.Page;
import dev.recall.platform.input.Inputs;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

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
                                       @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var filter = new ItemQueries.ItemFilter(Inputs.name("note", noteId), Inputs.name("deck", deckId), Inputs.name("tag", tag),
                Inputs.name("type", type));
        return items.list(caller, filter, Inputs.limit(limit, 50, 200), cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One item, with its source lines in the note")
    public Uni<ItemView> get(@PathParam("id") String id) {
        return items.get(caller, Inputs.name("id", id));
    }
}
