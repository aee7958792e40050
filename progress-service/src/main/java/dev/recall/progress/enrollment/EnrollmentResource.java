package dev.recall.progress.enrollment;

import dev.recall.platform.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;

@Path("/api/v1/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class EnrollmentResource {

    @Inject
    EnrollmentService enrollments;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Follow a note, deck or tag", description = "Creates a card for every matching item, now and as items arrive.")
    @APIResponse(responseCode = "201", description = "Enrolled; cards are created for the matching items", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(responseCode = "200", description = "Already enrolled: the existing enrolment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentView.class)))
    public Uni<Response> enroll(@Valid @NotNull EnrollmentRequest request) {
        return enrollments.enroll(caller, request).map(result -> Response
                .status(result.created() ? 201 : 200)
                .location(URI.create("/api/v1/enrollments/" + result.view().id()))
                .entity(result.view()).build());
    }

    @GET
    @Operation(summary = "The caller's enrolments")
    public Uni<List<EnrollmentView>> list() {
        return enrollments.list(caller);
    }
}
