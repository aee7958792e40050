package dev.recall.content.tag;

import dev.recall.content.access.Actor;
import dev.recall.platform.auth.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class TagResource {

    public record TagCount(String tag, long notes) {
    }

    @Inject
    Pool client;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Tags of the notes the caller may read, with how many notes carry each")
    public Uni<List<TagCount>> list() {
        Actor actor = Actor.of(caller);
        return client.preparedQuery("SELECT tag, count(*) FROM note n, unnest(n.tags) tag WHERE " + actor.readableSql("n", 1, 2)
                        + " AND n.deleted_at IS NULL GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 1000")
                .execute(Tuple.of(actor.tenant(), actor.userId()))
                .map(rows -> {
                    List<TagCount> tags = new ArrayList<>();
                    rows.forEach(row -> tags.add(new TagCount(row.getString(0), row.getLong(1))));
                    return tags;
                });
    }
}
