package dev.recall.quiz.session;

import dev.recall.platform.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/quizzes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class QuizResource {

    @Inject
    QuizService quizzes;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Assemble a quiz", description = "Items drawn (seeded) from notes, a deck or tags, options shuffled; answers are not included.")
    @APIResponse(responseCode = "201", description = "Assembled; Location points to the quiz", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuizViews.QuizView.class)))
    @APIResponse(responseCode = "422", description = "No item matches (no-items)")
    public Uni<Response> create(@Valid @NotNull QuizRequest request) {
        return quizzes.create(caller, request).map(quiz -> Response.created(URI.create("/api/v1/quizzes/" + quiz.quizId())).entity(quiz).build());
    }

    @POST
    @Path("/{id}/answers")
    @Operation(summary = "Answer one item of a quiz", description = "Graded leniently for text; each graded answer becomes a quiz.answers.v1 event.")
    public Uni<QuizViews.AnswerResult> answer(@PathParam("id") UUID id, @Valid @NotNull QuizViews.AnswerRequest request) {
        return quizzes.answer(caller, id, request);
    }
}
