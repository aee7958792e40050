package dev.recall.progress.stats;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.input.Inputs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.time.Instant;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class StatsResource {

    @Inject
    StatsService stats;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Reviews per day, true retention, due forecast, streak and mastery per tag and note section",
            description = "days sets the length of the review history and of the forecast (default 30).")
    public Uni<Stats> get(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "365", defaultValue = "30")) @QueryParam("days") String days) {
        return stats.stats(caller.tenant(), caller.userId(), Instant.now(), Inputs.number("days", days, 30, 1, 365));
    }
}
