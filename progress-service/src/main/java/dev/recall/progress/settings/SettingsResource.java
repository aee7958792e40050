package dev.recall.progress.settings;

import dev.recall.platform.auth.Caller;
import dev.recall.progress.review.Rescheduler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class SettingsResource {

    /** The settings and, after a PUT with reschedule=true, how many cards were recomputed. */
    public record SettingsResult(SettingsView settings, int rescheduledCards) {
    }

    @Inject
    SettingsService settings;

    @Inject
    Rescheduler rescheduler;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The caller's scheduling settings (defaults until changed)")
    public Uni<SettingsView> get() {
        return Panache.withSession(() -> settings.of(caller.tenant(), caller.userId())).map(SettingsService::view);
    }

    @PUT
    @Operation(summary = "Replace the caller's settings",
            description = "With reschedule=true every reviewed card is recomputed by replaying its review log with the new settings.")
    public Uni<SettingsResult> put(@Valid @NotNull SettingsView view, @QueryParam("reschedule") @DefaultValue("false") boolean reschedule) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        return Panache.withTransaction(() -> settings.save(tenant, userId, view).chain(saved -> (reschedule
                ? rescheduler.rescheduleAll(tenant, userId, saved.scheduler())
                : Uni.createFrom().item(0))
                .map(count -> new SettingsResult(SettingsService.view(saved), count))));
    }
}
