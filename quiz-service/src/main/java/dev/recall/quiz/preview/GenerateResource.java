package dev.recall.quiz.preview;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.problem.ProblemException;
import dev.recall.quiz.generation.Generator;
import dev.recall.quiz.generation.NoteInput;
import dev.recall.quiz.generation.QuizItem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/v1/generate")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class GenerateResource {

    /** The same limit content-service puts on a note body. */
    static final int MAX_BYTES = 1_000_000;

    private final Generator generator = new Generator();

    public record Preview(int count, List<QuizItem> items) {
    }

    @POST
    @Blocking
    @Operation(summary = "Preview the items a Markdown note would give", description = "Nothing is stored. Item ids depend on the note id, so preview ids are those of a note with id 'preview'.")
    public Preview generate(@Valid @NotNull GenerateRequest request) {
        ProblemException refused = NoteText.refusal(request.markdown(), MAX_BYTES);
        if (refused != null) {
            throw refused;
        }
        List<QuizItem> items = generator.generate(new NoteInput("preview", request.markdown(), request.tags()));
        return new Preview(items.size(), items);
    }
}
