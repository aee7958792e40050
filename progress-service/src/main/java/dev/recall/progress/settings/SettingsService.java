package dev.recall.progress.settings;

import dev.recall.platform.problem.ProblemException;
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
import java.time.Instant;
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

    /** Stores validated settings; must run in a transaction. */
    public Uni<LearnerSettings> save(String tenant, String userId, SettingsView view) {
        LearnerSettings settings = validate(view);
        return SettingsRow.<SettingsRow>find("tenant = ?1 and userId = ?2", tenant, userId).firstResult().chain(existing -> {
            SettingsRow row = existing == null ? new SettingsRow() : existing;
            row.tenant = tenant;
            row.userId = userId;
            row.timeZone = settings.timeZone().getId();
            row.dayStartHour = settings.dayStartHour();
            row.newCardsPerDay = settings.newCardsPerDay();
            row.reviewsPerDay = settings.reviewsPerDay();
            SchedulerOptions options = settings.scheduler();
            row.desiredRetention = options.requestRetention();
            row.maximumInterval = options.maximumInterval();
            row.learningSteps = LearnerSettings.formatSteps(options.learningSteps());
            row.relearningSteps = LearnerSettings.formatSteps(options.relearningSteps());
            row.enableShortTerm = options.enableShortTerm();
            row.enableFuzz = options.enableFuzz();
            row.weights = view.weights() == null ? null
                    : Arrays.stream(options.w()).mapToObj(Double::toString).collect(Collectors.joining(","));
            row.updatedAt = Instant.now();
            return (existing == null ? row.persist() : Panache.getSession().replaceWith(row)).replaceWith(settings);
        });
    }

    /** Turns the wire form into settings, or a 400 naming the field that is wrong. */
    public static LearnerSettings validate(SettingsView view) {
        ZoneId zone;
        try {
            zone = ZoneId.of(view.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "'" + view.timeZone() + "' is not an IANA time zone such as Asia/Shanghai");
        }
        List<Duration> learning = steps("learningSteps", view.learningSteps());
        List<Duration> relearning = steps("relearningSteps", view.relearningSteps());
        double[] w = SchedulerOptions.defaults().w();
        if (view.weights() != null) {
            if (view.weights().stream().anyMatch(x -> x == null || !Double.isFinite(x))) {
                throw ProblemException.invalid("weights", "must be 21 finite numbers");
            }
            w = view.weights().stream().mapToDouble(Double::doubleValue).toArray();
        }
        SchedulerOptions options;
        try {
            options = new SchedulerOptions(w, view.desiredRetention(), view.maximumInterval(), learning, relearning,
                    view.enableShortTerm(), view.enableFuzz());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("weights", e.getMessage());
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

    private static List<Duration> steps(String field, List<String> steps) {
        try {
            return steps.stream().map(Steps::parse).toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(field, e.getMessage() == null ? "steps must not be null" : e.getMessage());
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
