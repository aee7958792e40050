package dev.recall.progress.settings;

import dev.recall.platform.problem.Text;

import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.input.Inputs;
import dev.recall.progress.scheduler.SchedulerOptions;
import dev.recall.progress.scheduler.Steps;
import dev.recall.progress.review.Rescheduler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and validates a learner's settings; a learner without a row gets the defaults. */
@ApplicationScoped
public class SettingsService {

    /** The settings and, after a replace with reschedule, how many cards were recomputed. */
    public record SettingsResult(SettingsView settings, int rescheduledCards) {
    }

    @Inject
    Rescheduler rescheduler;

    @Inject
    io.vertx.mutiny.sqlclient.Pool client;

    /** The learner's settings as the API shows them (defaults until changed). */
    @WithSession
    public Uni<SettingsView> current(String tenant, String userId) {
        return of(tenant, userId).map(SettingsService::view);
    }

    /** Replaces the learner's settings; with {@code reschedule} every reviewed card is replayed with them. */
    @WithTransaction
    public Uni<SettingsResult> replace(String tenant, String userId, SettingsView view, boolean reschedule) {
        return save(tenant, userId, view).chain(saved -> (reschedule
                ? rescheduler.rescheduleAll(tenant, userId, saved.scheduler())
                : Uni.createFrom().item(0))
                .map(count -> new SettingsResult(view(saved), count)));
    }

    /** Must run in a session. */
    public Uni<LearnerSettings> of(String tenant, String userId) {
        return SettingsRow.<SettingsRow>find("tenant = ?1 and userId = ?2", tenant, userId).firstResult()
                .map(row -> row == null ? LearnerSettings.defaults() : toSettings(row));
    }

    /**
     * The same as {@link #of} without a Hibernate session: for read paths that use the SQL client alone.
     */
    public Uni<LearnerSettings> read(String tenant, String userId) {
        return client.preparedQuery("SELECT time_zone, day_start_hour, new_cards_per_day, reviews_per_day, desired_retention, maximum_interval,"
                        + " learning_steps, relearning_steps, enable_short_term, enable_fuzz, weights FROM learner_settings WHERE tenant = $1 AND user_id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant, userId)).map(rows -> {
                    if (rows.rowCount() == 0) {
                        return LearnerSettings.defaults();
                    }
                    io.vertx.mutiny.sqlclient.Row r = rows.iterator().next();
                    SettingsRow row = new SettingsRow();
                    row.timeZone = r.getString(0);
                    row.dayStartHour = r.getInteger(1);
                    row.newCardsPerDay = r.getInteger(2);
                    row.reviewsPerDay = r.getInteger(3);
                    row.desiredRetention = r.getDouble(4);
                    row.maximumInterval = r.getInteger(5);
                    row.learningSteps = r.getString(6);
                    row.relearningSteps = r.getString(7);
                    row.enableShortTerm = r.getBoolean(8);
                    row.enableFuzz = r.getBoolean(9);
                    row.weights = r.getString(10);
                    return toSettings(row);
                });
    }

    /**
     * Stores validated settings; must run in a transaction. One upsert, so a learner's first PUTs racing each
     * other meet the primary key: the later waits for the earlier and then updates its row (never a 500).
     */
    public Uni<LearnerSettings> save(String tenant, String userId, SettingsView view) {
        LearnerSettings settings = validate(view);
        SchedulerOptions options = settings.scheduler();
        String weights = view.weights() == null ? null
                : Arrays.stream(options.w()).mapToObj(Double::toString).collect(Collectors.joining(","));
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO learner_settings (tenant, user_id, time_zone, day_start_hour, new_cards_per_day, reviews_per_day,
                            desired_retention, maximum_interval, learning_steps, relearning_steps, enable_short_term, enable_fuzz,
                            weights, updated_at)
                        VALUES (:tenant, :user, :zone, :dayStart, :newCards, :reviews, :retention, :maxInterval, :learning, :relearning,
                            :shortTerm, :fuzz, CAST(:weights AS text), now())
                        ON CONFLICT (tenant, user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone,
                            day_start_hour = EXCLUDED.day_start_hour, new_cards_per_day = EXCLUDED.new_cards_per_day,
                            reviews_per_day = EXCLUDED.reviews_per_day, desired_retention = EXCLUDED.desired_retention,
                            maximum_interval = EXCLUDED.maximum_interval, learning_steps = EXCLUDED.learning_steps,
                            relearning_steps = EXCLUDED.relearning_steps, enable_short_term = EXCLUDED.enable_short_term,
                            enable_fuzz = EXCLUDED.enable_fuzz, weights = EXCLUDED.weights, updated_at = EXCLUDED.updated_at""")
                .setParameter("tenant", tenant).setParameter("user", userId)
                .setParameter("zone", settings.timeZone().getId()).setParameter("dayStart", settings.dayStartHour())
                .setParameter("newCards", settings.newCardsPerDay()).setParameter("reviews", settings.reviewsPerDay())
                .setParameter("retention", options.requestRetention()).setParameter("maxInterval", options.maximumInterval())
                .setParameter("learning", LearnerSettings.formatSteps(options.learningSteps()))
                .setParameter("relearning", LearnerSettings.formatSteps(options.relearningSteps()))
                .setParameter("shortTerm", options.enableShortTerm()).setParameter("fuzz", options.enableFuzz())
                .setParameter("weights", weights)
                .executeUpdate()).replaceWith(settings);
    }

    /** Turns the wire form into settings, or a 400 naming the field that is wrong. */
    public static LearnerSettings validate(SettingsView view) {
        ZoneId zone;
        try {
            zone = ZoneId.of(Inputs.name("timeZone", view.timeZone()));
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", Text.of("progress.settings.time-zone", view.timeZone()));
        }
        List<Duration> learning = steps("learningSteps", view.learningSteps());
        List<Duration> relearning = steps("relearningSteps", view.relearningSteps());
        for (Duration step : concat(learning, relearning)) {
            if (step.toDays() > view.maximumInterval()) {
                throw ProblemException.invalid(learning.contains(step) ? "learningSteps" : "relearningSteps",
                        Text.of("progress.settings.step-too-long", view.maximumInterval()));
            }
        }
        double[] w = SchedulerOptions.defaults().w();
        if (view.weights() != null) {
            w = new double[view.weights().size()];
            for (int i = 0; i < w.length; i++) {
                Double x = view.weights().get(i);
                double[] range = SchedulerOptions.range(i);
                // Outside its trained range a parameter is clamped by the scheduler, and w20 = 0 divided by zero in /stats.
                if (x == null || !(x >= range[0] && x <= range[1])) {
                    throw ProblemException.invalid("weights[" + i + "]", Text.of("progress.settings.weight", range[0], range[1]));
                }
                w[i] = x;
            }
        }
        SchedulerOptions options;
        try {
            options = new SchedulerOptions(w, view.desiredRetention(), view.maximumInterval(), learning, relearning,
                    view.enableShortTerm(), view.enableFuzz());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("weights", Text.of("progress.settings.weights"));
        }
        return new LearnerSettings(zone, view.dayStartHour(), view.newCardsPerDay(), view.reviewsPerDay(), options);
    }

    public static SettingsView view(LearnerSettings settings) {
        SchedulerOptions o = settings.scheduler();
        boolean defaultWeights = Arrays.equals(o.w(), SchedulerOptions.defaults().w());
        return new SettingsView(settings.timeZone().getId(), settings.dayStartHour(), settings.newCardsPerDay(),
                settings.reviewsPerDay(), o.requestRetention(), o.maximumInterval(),
                o.learningSteps().stream().map(Steps::format).toList(),
                o.relearningSteps().stream().map(Steps::format).toList(),
                o.enableShortTerm(), o.enableFuzz(),
                defaultWeights ? null : Arrays.stream(o.w()).boxed().toList());
    }

    private static List<Duration> concat(List<Duration> a, List<Duration> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<Duration> steps(String field, List<String> steps) {
        try {
            return steps.stream().map(Steps::parse).toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(field, Text.of("progress.settings.steps"));
        }
    }

    private static LearnerSettings toSettings(SettingsRow row) {
        double[] w = row.weights == null ? SchedulerOptions.defaults().w()
                : Arrays.stream(row.weights.split(",")).mapToDouble(Double::parseDouble).toArray();
        return new LearnerSettings(ZoneId.of(row.timeZone), row.dayStartHour, row.newCardsPerDay, row.reviewsPerDay,
                new SchedulerOptions(w, row.desiredRetention, row.maximumInterval, LearnerSettings.parseSteps(row.learningSteps),
                        LearnerSettings.parseSteps(row.relearningSteps), row.enableShortTerm, row.enableFuzz));
    }
}
