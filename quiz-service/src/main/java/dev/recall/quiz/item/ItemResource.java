package dev.recall.quiz.item;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class ItemResource {

    @Inject
    ItemService items;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List the active items generated from a note")
    public Uni<ItemService.ItemPage> list(@QueryParam("note") String noteId,
                                          @QueryParam("limit") @DefaultValue("50") int limit,
                                          @QueryParam("cursor") String cursor) {
        if (noteId == null || noteId.isBlank()) {
            throw ProblemException.invalid("note", "is required");
        }
        return items.list(caller, noteId, limit, cursor);
    }
}
