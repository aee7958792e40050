package dev.recall.progress.card;

import dev.recall.platform.problem.Text;

import dev.recall.platform.paging.Cursor;
import dev.recall.platform.paging.Page;
import dev.recall.platform.problem.ProblemException;
import dev.recall.progress.item.ItemVisibility;
import dev.recall.progress.review.Scheduling;
import dev.recall.progress.review.StudyDay;
import dev.recall.progress.settings.SettingsService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** A learner's own cards: listed by id, and suspended, buried or forgotten one at a time. */
@ApplicationScoped
public class CardService {

    public static final Set<String> STATES = Set.of("NEW", "LEARNING", "REVIEW", "RELEARNING");
    private static final String CURSOR = "card";

    @Inject
    SettingsService settings;

    @Inject
    Scheduling scheduling;

    /** The learner's cards by id, optionally of one state ({@link #STATES}). */
    @WithSession
    public Uni<Page<CardView>> list(String tenant, String userId, String state, int limit, String cursor) {
        if (state != null && !STATES.contains(state)) {
            throw ProblemException.invalid("state", Text.of("progress.card.state", STATES));
        }
        Cursor after = Cursor.decode(CURSOR, cursor, 1);
        // PostgreSQL orders uuids as unsigned bytes: all zeros comes first.
        UUID afterId = after == null ? new UUID(0, 0) : after.uuid(0);
        String query = "from Card c where c.tenant = ?1 and c.userId = ?2 and c.id > ?3 and " + ItemVisibility.cardHql("c", "?2")
                + (state == null ? "" : " and c.state = ?4") + " order by c.id";
        Object[] params = state == null ? new Object[]{tenant, userId, afterId} : new Object[]{tenant, userId, afterId, state};
        return Card.<Card>find(query, params).page(0, limit + 1).list()
                .map(cards -> Page.of(cards, limit, CardView::of, card -> Cursor.of(CURSOR, card.id.toString())));
    }

    @WithSession
    public Uni<CardView> get(String tenant, String userId, UUID id) {
        return own(tenant, userId, id).map(CardView::of);
    }

    @WithTransaction
    public Uni<CardView> suspend(String tenant, String userId, UUID id, boolean suspended) {
        return change(tenant, userId, id, card -> card.suspended = suspended);
    }

    /** Hides the card until the learner's next study day begins. */
    @WithTransaction
    public Uni<CardView> bury(String tenant, String userId, UUID id) {
        return settings.of(tenant, userId).chain(s -> change(tenant, userId, id,
                card -> card.buriedUntil = StudyDay.containing(Instant.now(), s.timeZone(), s.dayStartHour()).end()));
    }

    /** Starts the card again as new, with the scheduler's own reset; the review log keeps its history. */
    @WithTransaction
    public Uni<CardView> forget(String tenant, String userId, UUID id) {
        return change(tenant, userId, id, card -> scheduling.reset(card, Instant.now()));
    }

    private Uni<CardView> change(String tenant, String userId, UUID id, Consumer<Card> change) {
        return own(tenant, userId, id).map(card -> {
            change.accept(card);
            return CardView.of(card);
        });
    }

    /** The learner's card, if its item is one they may see now ({@link ItemVisibility}); else 404. */
    private static Uni<Card> own(String tenant, String userId, UUID id) {
        return Card.<Card>find("from Card c where c.id = ?1 and c.tenant = ?2 and c.userId = ?3 and " + ItemVisibility.cardHql("c", "?3"),
                        id, tenant, userId).<Card>firstResult()
                .map(card -> {
                    if (card == null) {
                        throw ProblemException.notFound(Text.of("progress.card.not-found", id));
                    }
                    return card;
                });
    }
}
