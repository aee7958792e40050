package dev.recall.progress.review;

import dev.recall.progress.item.ItemVisibility;
import dev.recall.progress.scheduler.CardState;
import dev.recall.progress.scheduler.Fsrs;
import dev.recall.progress.scheduler.State;
import dev.recall.progress.scheduler.SchedulerOptions;
import dev.recall.progress.settings.LearnerSettings;
import dev.recall.progress.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Today's queue, in the order a learner should see it: learning cards that are due now, then review
 * cards due before the end of the study day (capped by reviews/day), then new cards (capped by new/day,
 * counting those already introduced today). Suspended, buried and retired cards never show.
 *
 * <p>A read path that changes nothing, so it reads rows with the SQL client (no Hibernate session, no managed
 * entities to snapshot): each page is one index range of {@code card_queue} or {@code card_queue_new} (migration V4)
 * joined to its items.
 */
@ApplicationScoped
public class DueQueue {

    private static final String PAGE = "SELECT c.id, c.state, c.due, c.stability, c.difficulty, c.scheduled_days, c.learning_steps,"
            + " c.reps, c.lapses, c.last_review, i.item_id, i.note_id, i.type, i.prompt, i.answers, i.options, i.heading_path, i.explanation"
            + " FROM card c JOIN item_projection i ON i.item_id = c.item_id"
            + " WHERE c.tenant = $1 AND c.user_id = $2 AND NOT c.suspended AND (c.buried_until IS NULL OR c.buried_until <= $3)"
            + " AND NOT i.retired AND " + ItemVisibility.sql("i", "$2") + " AND ";
    private static final String LEARNING = PAGE + "c.state IN ('LEARNING', 'RELEARNING') AND c.due <= $3 ORDER BY c.due, c.id LIMIT $4";
    private static final String REVIEW = PAGE + "c.state = 'REVIEW' AND c.due < $5 ORDER BY c.due, c.id LIMIT $4";
    private static final String NEW = PAGE + "c.state = 'NEW' ORDER BY c.created_at, c.item_id LIMIT $4";
    private static final String INTRODUCED = "SELECT count(*) FILTER (WHERE state_before = 'NEW'), count(*) FILTER (WHERE state_before = 'REVIEW') "
            + "FROM review_log WHERE tenant = $1 AND user_id = $2 AND reviewed_at >= $3 AND NOT undone";

    @Inject
    Scheduling scheduling;

    @Inject
    SettingsService settingsService;

    @Inject
    Pool client;

    public Uni<List<DueCard>> due(String tenant, String userId, Instant now, int limit) {
        return settingsService.read(tenant, userId).chain(settings -> due(tenant, userId, settings, now, limit));
    }

    public Uni<List<DueCard>> due(String tenant, String userId, LearnerSettings settings, Instant now, int limit) {
        StudyDay day = StudyDay.containing(now, settings.timeZone(), settings.dayStartHour());
        Fsrs fsrs = new Fsrs(settings.scheduler());
        OffsetDateTime at = utc(now);
        return introducedToday(tenant, userId, day).chain(done -> {
            int newLeft = Math.max(0, settings.newCardsPerDay() - done[0]);
            int reviewsLeft = Math.max(0, settings.reviewsPerDay() - done[1]);
            List<DueCard> queue = new ArrayList<>();
            return page(LEARNING, Tuple.of(tenant, userId, at, limit), now, fsrs, queue)
                    .chain(() -> page(REVIEW, Tuple.of(tenant, userId, at, Math.min(reviewsLeft, limit - queue.size()), utc(day.end())),
                            now, fsrs, queue))
                    .chain(() -> page(NEW, Tuple.of(tenant, userId, at, Math.min(newLeft, limit - queue.size())), now, fsrs, queue))
                    .replaceWith(queue);
        });
    }

    /** [new cards introduced, review cards reviewed] since the study day began (undone reviews do not count). */
    private Uni<int[]> introducedToday(String tenant, String userId, StudyDay day) {
        return client.preparedQuery(INTRODUCED).execute(Tuple.of(tenant, userId, utc(day.start()))).map(rows -> {
            Row row = rows.iterator().next();
            return new int[]{row.getInteger(0), row.getInteger(1)};
        });
    }

    /** Adds one page of the queue ({@code params}' fourth is its size) to {@code queue}. */
    private Uni<Void> page(String sql, Tuple params, Instant now, Fsrs fsrs, List<DueCard> queue) {
        if (params.getInteger(3) <= 0) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(sql).execute(params).invoke(rows -> {
            for (Row row : rows) {
                queue.add(toDueCard(row, now, fsrs));
            }
        }).replaceWithVoid();
    }

    private DueCard toDueCard(Row row, Instant now, Fsrs fsrs) {
        // The scheduling state straight from the row: a Card entity here paid Hibernate's dirty tracking on every field set.
        String id = row.getUUID(0).toString();
        String state = row.getString(1);
        Instant due = instant(row, 2);
        CardState card = new CardState(State.valueOf(state), due, row.getDouble(3), row.getDouble(4), row.getInteger(5),
                row.getInteger(6), row.getInteger(7), row.getInteger(8), instant(row, 9));
        String[] options = row.getArrayOfStrings(15);
        return new DueCard(id, row.getString(10), row.getString(11), state, due, row.getString(12),
                row.getString(13), List.of(row.getArrayOfStrings(14)), options == null ? null : List.of(options),
                List.of(row.getArrayOfStrings(16)), row.getString(17), scheduling.previews(fsrs, id, card, now));
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
