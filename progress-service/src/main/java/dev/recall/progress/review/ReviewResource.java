package dev.recall.progress.review;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.input.Inputs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    DueQueue queue;

    @Inject
    Caller caller;

    @GET
    @Path("/due")
    @Operation(summary = "Today's review queue", description = "Learning cards due now, then reviews due today, then new cards, each with the four answer previews.")
    public Uni<List<DueCard>> due(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("limit") String limit) {
        return queue.due(caller.tenant(), caller.userId(), Instant.now(), Inputs.number("limit", limit, 20, 1, 200));
    }

    @POST
    @Operation(summary = "Record a review", description = "Rating 1 Again, 2 Hard, 3 Good, 4 Easy. Retry safely with Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded; a replay with the same Idempotency-Key and body answers the same", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewResult.class)))
    @APIResponse(responseCode = "409", description = "The card was reviewed in between (review-out-of-order) or the key is in use (idempotency-key-in-flux)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body (idempotency-key-reused)")
    public Uni<Response> review(@Valid @NotNull ReviewRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return reviews.review(caller, request, idempotencyKey).map(stored -> Response.status(stored.status())
                .entity(stored.body()).type(MediaType.APPLICATION_JSON).location(URI.create(stored.location())).build());
    }

    @POST
    @Path("/{id}/undo")
    @Operation(summary = "Undo the card's latest review")
    public Uni<ReviewResult> undo(@PathParam("id") UUID id) {
        return reviews.undo(caller, id);
    }
}
