package dev.recall.progress.card;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.problem.ProblemException;
import dev.recall.progress.review.StudyDay;
import dev.recall.progress.settings.SettingsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** A learner's own cards: list them, and suspend, bury or forget one. */
@Path("/api/v1/cards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class CardResource {

    private static final Set<String> STATES = Set.of("NEW", "LEARNING", "REVIEW", "RELEARNING");

    @Inject
    Caller caller;

    @Inject
    SettingsService settings;

    @GET
    @Operation(summary = "The caller's cards, by id, optionally of one state")
    public Uni<CardPage> list(@QueryParam("state") String state, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                              @QueryParam("cursor") String cursor) {
        if (state != null && !STATES.contains(state)) {
            throw ProblemException.invalid("state", "must be one of " + STATES);
        }
        UUID after = decode(cursor);
        String query = "tenant = ?1 and userId = ?2 and id > ?3" + (state == null ? "" : " and state = ?4") + " order by id";
        Object[] params = state == null ? new Object[]{caller.tenant(), caller.userId(), after}
                : new Object[]{caller.tenant(), caller.userId(), after, state};
        return Panache.withSession(() -> Card.<Card>find(query, params).range(0, limit).list()).map(cards -> {
            List<CardView> views = cards.stream().map(CardView::of).toList();
            String next = cards.size() < limit ? null : encode(cards.get(cards.size() - 1).id);
            return new CardPage(views, next);
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's cards")
    public Uni<CardView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> own(id)).map(CardView::of);
    }

    @POST
    @Path("/{id}/suspend")
    @Operation(summary = "Keep the card out of every queue until it is unsuspended")
    public Uni<CardView> suspend(@PathParam("id") UUID id) {
        return change(id, card -> card.suspended = true);
    }

    @POST
    @Path("/{id}/unsuspend")
    @Operation(summary = "Bring a suspended card back")
    public Uni<CardView> unsuspend(@PathParam("id") UUID id) {
        return change(id, card -> card.suspended = false);
    }

    @POST
    @Path("/{id}/bury")
    @Operation(summary = "Hide the card until the learner's next study day")
    public Uni<CardView> bury(@PathParam("id") UUID id) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        return Panache.withTransaction(() -> settings.of(tenant, userId).chain(s -> own(id).map(card -> {
            card.buriedUntil = StudyDay.containing(Instant.now(), s.timeZone(), s.dayStartHour()).end();
            return CardView.of(card);
        })));
    }

    @POST
    @Path("/{id}/forget")
    @Operation(summary = "Start the card again as new", description = "The review log keeps the card's history.")
    public Uni<CardView> forget(@PathParam("id") UUID id) {
        return change(id, card -> {
            card.state = "NEW";
            card.due = Instant.now();
            card.stability = 0;
            card.difficulty = 0;
            card.scheduledDays = 0;
            card.learningSteps = 0;
            card.reps = 0;
            card.lastReview = null;
        });
    }

    private Uni<CardView> change(UUID id, Consumer<Card> change) {
        return Panache.withTransaction(() -> own(id).map(card -> {
            change.accept(card);
            return CardView.of(card);
        }));
    }

    private Uni<Card> own(UUID id) {
        return Card.<Card>find("id = ?1 and tenant = ?2 and userId = ?3", id, caller.tenant(), caller.userId()).firstResult()
                .map(card -> {
                    if (card == null) {
                        throw ProblemException.notFound("card", id.toString());
                    }
                    return card;
                });
    }

    private static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("card|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: all zeros comes first
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("card|")) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw.substring(5));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not valid for this list; start again without it");
        }
    }
}
