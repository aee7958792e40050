package dev.recall.progress.stats;

import dev.recall.platform.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
    public Uni<Stats> get(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(365) int days) {
        return stats.stats(caller.tenant(), caller.userId(), Instant.now(), days);
    }
}
