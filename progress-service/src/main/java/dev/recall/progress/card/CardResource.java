package dev.recall.progress.card;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.paging.Page;
import dev.recall.platform.input.Inputs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.util.UUID;

/** A learner's own cards: list them, and suspend, bury or forget one. */
@Path("/api/v1/cards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class CardResource {

    @Inject
    Caller caller;

    @Inject
    CardService cards;

    @GET
    @Operation(summary = "The caller's cards, by id, optionally of one state")
    public Uni<Page<CardView>> list(@QueryParam("state") String state, @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
                                    @QueryParam("cursor") String cursor) {
        return cards.list(caller.tenant(), caller.userId(), state, Inputs.number("limit", limit, 50, 1, 500), cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's cards")
    public Uni<CardView> get(@PathParam("id") UUID id) {
        return cards.get(caller.tenant(), caller.userId(), id);
    }

    @POST
    @Path("/{id}/suspend")
    @Operation(summary = "Keep the card out of every queue until it is unsuspended")
    public Uni<CardView> suspend(@PathParam("id") UUID id) {
        return cards.suspend(caller.tenant(), caller.userId(), id, true);
    }

    @POST
    @Path("/{id}/unsuspend")
    @Operation(summary = "Bring a suspended card back")
    public Uni<CardView> unsuspend(@PathParam("id") UUID id) {
        return cards.suspend(caller.tenant(), caller.userId(), id, false);
    }

    @POST
    @Path("/{id}/bury")
    @Operation(summary = "Hide the card until the learner's next study day")
    public Uni<CardView> bury(@PathParam("id") UUID id) {
        return cards.bury(caller.tenant(), caller.userId(), id);
    }

    @POST
    @Path("/{id}/forget")
    @Operation(summary = "Start the card again as new", description = "The review log keeps the card's history.")
    public Uni<CardView> forget(@PathParam("id") UUID id) {
        return cards.forget(caller.tenant(), caller.userId(), id);
    }
}
