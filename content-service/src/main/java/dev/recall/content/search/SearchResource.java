package dev.recall.content.search;

import dev.recall.content.access.Actor;
import dev.recall.content.note.NoteFilter;
import dev.recall.content.search.NoteSearch.Results;
import dev.recall.platform.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import dev.recall.content.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Search in the notes the caller may read ({@link NoteSearch}). */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class SearchResource {

    @Inject
    NoteSearch search;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Search notes in Chinese and English", description = "Ranked; highlights wrap matches in <mark>. Filter by deck, tag, author.")
    public Uni<Results> search(@QueryParam("q") String q, @QueryParam("deck") String deck, @QueryParam("tag") String tag,
                               @QueryParam("author") String author,
                               @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit,
                               @QueryParam("cursor") String cursor) {
        return search.search(Actor.of(caller), Params.text("q", q, 200), NoteFilter.of(deck, tag, author), Params.limit(limit), cursor);
    }
}
