package dev.recall.progress.review;

import dev.recall.progress.card.Card;
import dev.recall.progress.item.ItemProjection;
import dev.recall.progress.item.ItemVisibility;
import dev.recall.progress.scheduler.SchedulerOptions;
import dev.recall.progress.settings.LearnerSettings;
import dev.recall.progress.settings.SettingsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Today's queue, in the order a learner should see it: learning cards that are due now, then review
 * cards due before the end of the study day (capped by reviews/day), then new cards (capped by new/day,
 * counting those already introduced today). Suspended, buried and retired cards never show.
 */
@ApplicationScoped
public class DueQueue {

    private static final String VISIBLE = "c.tenant = :tenant and c.userId = :user and c.suspended = false "
            + "and (c.buriedUntil is null or c.buriedUntil <= :now) and i.retired = false and " + ItemVisibility.hql("i", ":user");

    @Inject
    Scheduling scheduling;

    @Inject
    SettingsService settingsService;

    @WithSession
    public Uni<List<DueCard>> due(String tenant, String userId, Instant now, int limit) {
        return settingsService.of(tenant, userId).chain(settings -> due(tenant, userId, settings, now, limit));
    }

    /** Must run in a session. */
    public Uni<List<DueCard>> due(String tenant, String userId, LearnerSettings settings, Instant now, int limit) {
        StudyDay day = StudyDay.containing(now, settings.timeZone(), settings.dayStartHour());
        SchedulerOptions options = settings.scheduler();
        return introducedToday(tenant, userId, day).chain(done -> {
            int newLeft = Math.max(0, settings.newCardsPerDay() - done[0]);
            int reviewsLeft = Math.max(0, settings.reviewsPerDay() - done[1]);
            List<DueCard> queue = new ArrayList<>();
            return page("c.state in ('LEARNING', 'RELEARNING') and c.due <= :now order by c.due, c.id", tenant, userId, now, null, limit, options)
                    .invoke(queue::addAll)
                    .chain(() -> page("c.state = 'REVIEW' and c.due < :dayEnd order by c.due, c.id", tenant, userId, now, day.end(),
                            Math.min(reviewsLeft, limit - queue.size()), options))
                    .invoke(queue::addAll)
                    .chain(() -> page("c.state = 'NEW' order by c.createdAt, c.itemId", tenant, userId, now, null,
                            Math.min(newLeft, limit - queue.size()), options))
                    .invoke(queue::addAll)
                    .replaceWith(queue);
        });
    }

    /** [new cards introduced, review cards reviewed] since the study day began (undone reviews do not count). */
    private Uni<int[]> introducedToday(String tenant, String userId, StudyDay day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT count(*) FILTER (WHERE state_before = 'NEW'), count(*) FILTER (WHERE state_before = 'REVIEW') "
                                + "FROM review_log WHERE tenant = :tenant AND user_id = :user AND reviewed_at >= :start AND NOT undone",
                        Object[].class)
                .setParameter("tenant", tenant).setParameter("user", userId).setParameter("start", day.start())
                .getSingleResult()
                .map(row -> new int[]{((Number) row[0]).intValue(), ((Number) row[1]).intValue()}));
    }

    private Uni<List<DueCard>> page(String condition, String tenant, String userId, Instant now, Instant dayEnd, int limit,
                                     SchedulerOptions options) {
        if (limit <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(
                            "select c, i from Card c join ItemProjection i on i.itemId = c.itemId where " + VISIBLE + " and " + condition,
                            Object[].class)
                    .setParameter("tenant", tenant).setParameter("user", userId).setParameter("now", now);
            if (dayEnd != null) {
                query.setParameter("dayEnd", dayEnd);
            }
            return query.setMaxResults(limit).getResultList();
        }).map(rows -> rows.stream().map(row -> toDueCard((Card) row[0], (ItemProjection) row[1], now, options)).toList());
    }

    private DueCard toDueCard(Card card, ItemProjection item, Instant now, SchedulerOptions options) {
        return new DueCard(card.id.toString(), item.itemId, item.noteId, card.state, card.due, item.type, item.prompt,
                List.of(item.answers), item.options == null ? null : List.of(item.options), List.of(item.headingPath),
                item.explanation, scheduling.previews(card, now, options));
    }
}
