package dev.recall.progress.settings;

import dev.recall.platform.auth.Caller;
import dev.recall.progress.settings.SettingsService.SettingsResult;
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

    @Inject
    SettingsService settings;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The caller's scheduling settings (defaults until changed)")
    public Uni<SettingsView> get() {
        return settings.current(caller.tenant(), caller.userId());
    }

    @PUT
    @Operation(summary = "Replace the caller's settings",
            description = "With reschedule=true every reviewed card is recomputed by replaying its review log with the new settings.")
    public Uni<SettingsResult> put(@Valid @NotNull SettingsView view, @QueryParam("reschedule") @DefaultValue("false") boolean reschedule) {
        return settings.replace(caller.tenant(), caller.userId(), view, reschedule);
    }
}
