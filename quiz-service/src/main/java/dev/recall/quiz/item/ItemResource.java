package dev.recall.quiz.item;

import dev.recall.platform.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class ItemResource {

    @Inject
    ItemService items;

    @Inject
    Caller caller;

    /** An item with where it comes from in its note. */
    public record ItemView(String itemId, String noteId, String deckId, String type, String prompt, List<String> answers,
                           List<String> options, List<String> headingPath, String sectionId, String explanation, List<String> tags,
                           int startLine, int endLine, String difficulty, String generator, long noteVersion) {
    }

    @GET
    @Operation(summary = "Active items the caller may see", description = "Filter by note, deck, tag and type; cursor-paginated in id order.")
    public Uni<ItemService.ItemPage> list(@QueryParam("note") String noteId, @QueryParam("deck") String deckId,
                                          @QueryParam("tag") String tag, @QueryParam("type") String type,
                                          @QueryParam("limit") @DefaultValue("50") int limit,
                                          @QueryParam("cursor") String cursor) {
        return items.list(caller, new ItemService.ItemFilter(noteId, deckId, tag, type), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One item, with its source lines in the note")
    public Uni<ItemView> get(@PathParam("id") String id) {
        return items.get(caller, id).map(i -> new ItemView(i.id, i.noteId, i.deckId, i.type, i.prompt, List.of(i.answers),
                i.options == null ? null : List.of(i.options), List.of(i.headingPath), i.sectionId, i.explanation, List.of(i.tags),
                i.startLine, i.endLine, i.difficulty, i.generator, i.noteVersion));
    }
}
