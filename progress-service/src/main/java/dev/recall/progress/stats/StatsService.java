package dev.recall.progress.stats;

import dev.recall.progress.item.ItemVisibility;
import dev.recall.progress.review.StudyDay;
import dev.recall.progress.settings.LearnerSettings;
import dev.recall.progress.settings.SettingsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes statistics in SQL, in the learner's study days (time zone and day-start hour), so a late-night
 * review counts towards the day the learner thinks it belongs to.
 */
@ApplicationScoped
public class StatsService {

    /**
     * A timestamp column kept within 1970..9999 for arithmetic. The API bounds every instant it stores, but rows from
     * before the bounds may hold anything PostgreSQL can (±infinity, 4713 BC), on which subtraction and zone shifts
     * fail: such a row must not fail every later /stats.
     */
    private static final String BOUNDED = "least(greatest(%s, TIMESTAMPTZ '1970-01-01 00:00:00+00'), TIMESTAMPTZ '9999-12-31 00:00:00+00')";

    /** Local study day of a timestamp column: shift by the day-start hour, then take the date in the zone. */
    private static final String STUDY_DAY = "((" + BOUNDED + " AT TIME ZONE CAST(:zone AS text)) - make_interval(hours => CAST(:dayStart AS int)))::date";

    /**
     * FSRS-6 retrievability of a card now: (1 + factor * t / S)^(-decay), factor = 0.9^(-1/decay) - 1, with t in
     * days since the last review.
     */
    private static final String RETRIEVABILITY = "power(1 + (power(0.9, -1.0 / CAST(:decay AS float8)) - 1) "
            + "* greatest(extract(epoch FROM (CAST(:now AS timestamptz) - " + BOUNDED.formatted("c.last_review") + ")) / 86400.0, 0) "
            + "/ greatest(CASE WHEN c.stability = 'NaN'::float8 THEN 0 ELSE c.stability END, 0.01), -CAST(:decay AS float8))";

    @Inject
    SettingsService settingsService;

    @WithSession
    public Uni<Stats> stats(String tenant, String userId, Instant now, int days) {
        return settingsService.of(tenant, userId).chain(settings -> Panache.getSession().chain(session -> {
            Params p = new Params(tenant, userId, settings, now);
            StudyDay today = StudyDay.containing(now, settings.timeZone(), settings.dayStartHour());
            LocalDate todayDate = today.start().atZone(settings.timeZone()).toLocalDate();
            return reviewsPerDay(session, p, todayDate.minusDays(days - 1L))
                    .chain(perDay -> retention(session, p, now.minusSeconds(30L * 86_400))
                            .chain(retention -> forecast(session, p, todayDate, days)
                                    .chain(forecast -> mastery(session, p, true)
                                            .chain(byTag -> mastery(session, p, false).map(bySection -> new Stats(perDay,
                                                    retention[1] == 0 ? null : retention[0] / (double) retention[1], retention[1],
                                                    forecast, streak(perDay, todayDate), byTag, bySection))))));
        }));
    }

    private record Params(String tenant, String userId, LearnerSettings settings, Instant now) {
        String zone() {
            return postgresZone(settings.timeZone());
        }
    }

    private Uni<List<Stats.DayCount>> reviewsPerDay(Mutiny.Session session, Params p, LocalDate from) {
        String day = STUDY_DAY.formatted("reviewed_at");
        return session.createNativeQuery("SELECT " + day + " AS d, count(*) FROM review_log "
                                + "WHERE tenant = :tenant AND user_id = :user AND NOT undone AND " + day + " >= :from "
                                + "AND reviewed_at < CAST(:now AS timestamptz) + interval '1 day' GROUP BY d ORDER BY d",
                        Object[].class)
                .setParameter("tenant", p.tenant()).setParameter("user", p.userId())
                .setParameter("zone", p.zone()).setParameter("dayStart", p.settings().dayStartHour())
                .setParameter("from", from).setParameter("now", p.now())
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Stats.DayCount(toDate(r[0]), ((Number) r[1]).intValue())).toList());
    }

    /** [not-Again reviews, all reviews] of cards that were in the Review state. */
    private Uni<int[]> retention(Mutiny.Session session, Params p, Instant since) {
        return session.createNativeQuery("SELECT count(*) FILTER (WHERE rating > 1), count(*) FROM review_log "
                                + "WHERE tenant = :tenant AND user_id = :user AND NOT undone AND state_before = 'REVIEW' AND reviewed_at >= :since",
                        Object[].class)
                .setParameter("tenant", p.tenant()).setParameter("user", p.userId()).setParameter("since", since)
                .getSingleResult()
                .map(r -> new int[]{((Number) r[0]).intValue(), ((Number) r[1]).intValue()});
    }

    /** Cards falling due on each of the next days; overdue ones count on today. */
    private Uni<List<Stats.DayCount>> forecast(Mutiny.Session session, Params p, LocalDate today, int days) {
        String day = "greatest(" + STUDY_DAY.formatted("c.due") + ", CAST(:today AS date))";
        return session.createNativeQuery("SELECT " + day + " AS d, count(*) FROM card c JOIN item_projection i ON i.item_id = c.item_id "
                                + "WHERE c.tenant = :tenant AND c.user_id = :user AND c.state <> 'NEW' AND NOT c.suspended AND NOT i.retired "
                                + "AND " + ItemVisibility.sql("i", ":user") + " "
                                + "AND " + day + " < CAST(:until AS date) GROUP BY d ORDER BY d",
                        Object[].class)
                .setParameter("tenant", p.tenant()).setParameter("user", p.userId())
                .setParameter("zone", p.zone()).setParameter("dayStart", p.settings().dayStartHour())
                .setParameter("today", today).setParameter("until", today.plusDays(days))
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Stats.DayCount(toDate(r[0]), ((Number) r[1]).intValue())).toList());
    }

    private Uni<List<Stats.Mastery>> mastery(Mutiny.Session session, Params p, boolean byTag) {
        String key = byTag ? "unnest(i.tags)" : "array_to_string(i.heading_path, ' > ')";
        String note = byTag ? "NULL" : "i.note_id";
        String sql = "SELECT k, n, count(*), count(*) FILTER (WHERE reviewed), coalesce(avg(r) FILTER (WHERE reviewed), 0) FROM ("
                + "SELECT " + key + " AS k, " + note + " AS n, c.last_review IS NOT NULL AS reviewed, "
                + "CASE WHEN c.last_review IS NULL THEN 0 ELSE " + RETRIEVABILITY + " END AS r "
                + "FROM card c JOIN item_projection i ON i.item_id = c.item_id "
                + "WHERE c.tenant = :tenant AND c.user_id = :user AND NOT i.retired AND " + ItemVisibility.sql("i", ":user") + ") per_card "
                + "GROUP BY k, n ORDER BY k, n LIMIT 500";
        return session.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", p.tenant()).setParameter("user", p.userId())
                .setParameter("decay", p.settings().scheduler().decay()).setParameter("now", p.now())
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Stats.Mastery((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                        ((Number) r[3]).intValue(), ((Number) r[4]).doubleValue())).toList());
    }

    /**
     * The zone as PostgreSQL's AT TIME ZONE must read it. A region ("Asia/Shanghai") is the same in both; an offset is
     * not: PostgreSQL takes "+05:30" as a POSIX zone, where plus means west of Greenwich, so it would shift the other
     * way than Java. An offset goes in POSIX form with the sign turned ("+05:30" as "UTC-05:30:00").
     */
    static String postgresZone(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset) {
            int west = -offset.getTotalSeconds();
            int abs = Math.abs(west);
            return String.format("UTC%s%02d:%02d:%02d", west < 0 ? "-" : "+", abs / 3600, abs / 60 % 60, abs % 60);
        }
        return zone.getId();
    }

    /** Consecutive study days with a review, ending today (or yesterday, when today has none yet). */
    static int streak(List<Stats.DayCount> perDay, LocalDate today) {
        Set<LocalDate> studied = new HashSet<>();
        perDay.forEach(d -> studied.add(d.day()));
        LocalDate day = studied.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (studied.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
