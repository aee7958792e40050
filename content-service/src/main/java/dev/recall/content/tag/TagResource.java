package dev.recall.content.tag;

import dev.recall.content.access.Actor;
import dev.recall.content.tag.TagService.TagCount;
import dev.recall.platform.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class TagResource {

    @Inject
    TagService tags;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Tags of the notes the caller may read, with how many notes carry each")
    public Uni<List<TagCount>> list() {
        return tags.counts(Actor.of(caller));
    }
}
