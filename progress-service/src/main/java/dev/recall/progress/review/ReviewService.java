package dev.recall.progress.review;

import dev.recall.platform.problem.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.events.ReviewRecorded;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.idempotency.IdempotencyKeys;
import dev.recall.platform.idempotency.IdempotencyKeys.Stored;
import dev.recall.platform.outbox.Outbox;
import dev.recall.platform.problem.ProblemException;
import dev.recall.progress.card.Card;
import dev.recall.progress.card.CardSnapshot;
import dev.recall.progress.item.ItemVisibility;
import dev.recall.progress.settings.SettingsService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Records reviews: reschedules the card with FSRS, appends to the log, and emits ReviewRecorded. */
@ApplicationScoped
public class ReviewService {

    /** Clients' clocks drift; a review stamped a little ahead of the server is still accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /**
     * No review is older than this. Without a floor, a year -200000 was stored and every later /stats failed on it
     * (PostgreSQL cannot subtract such instants): a bound keeps the log within what every query can compute on.
     */
    static final Instant EARLIEST = Instant.EPOCH;

    @Inject
    Scheduling scheduling;

    @Inject
    Outbox outbox;

    @Inject
    SettingsService settingsService;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    ObjectMapper mapper;

    @WithTransaction
    public Uni<Stored> review(Caller caller, ReviewRequest request, String idempotencyKey) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        Instant now = Instant.now();
        if (request.reviewedAt() != null && request.reviewedAt().isBefore(EARLIEST)) {
            throw ProblemException.invalid("reviewedAt", Text.of("progress.review.too-early", EARLIEST));
        }
        return idempotency.once(tenant, userId, idempotencyKey, request,
                        () -> record(tenant, userId, request.cardId(), request.rating(),
                                request.reviewedAt() == null ? now : request.reviewedAt(), request.durationMs(), "manual", now)
                                .map(result -> new Stored(201, idempotency.json(result), "/api/v1/reviews/" + result.reviewId())));
    }

    /** Applies one rating to a card of this learner; must run in a transaction. */
    public Uni<ReviewResult> record(String tenant, String userId, UUID cardId, int rating, Instant reviewedAt,
                                    Long durationMs, String source, Instant now) {
        if (reviewedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("reviewedAt", Text.of("progress.review.future"));
        }
        Instant at = reviewedAt.truncatedTo(ChronoUnit.MILLIS);
        return settingsService.of(tenant, userId).chain(settings -> Card.<Card>find("from Card c where c.id = ?1 and c.tenant = ?2 and c.userId = ?3 and "
                        + ItemVisibility.cardHql("c", "?3"), cardId, tenant, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).<Card>firstResult()
                .chain(card -> {
                    if (card == null) {
                        throw ProblemException.notFound(Text.of("progress.card.not-found", cardId));
                    }
                    if (card.lastReview != null && at.isBefore(card.lastReview)) {
                        throw new ProblemException(409, "review-out-of-order", Text.of("progress.review.out-of-order", at, card.lastReview));
                    }
                    ReviewLog log = new ReviewLog();
                    log.id = UUID.randomUUID();
                    log.tenant = tenant;
                    log.userId = userId;
                    log.cardId = card.id;
                    log.rating = rating;
                    log.source = source;
                    log.reviewedAt = at;
                    log.durationMs = durationMs;
                    log.stateBefore = card.state;
                    log.dueBefore = card.due;
                    log.cardBefore = json(CardSnapshot.of(card));
                    scheduling.apply(card, at, rating, settings.scheduler());
                    log.stateAfter = card.state;
                    log.dueAfter = card.due;
                    log.stability = card.stability;
                    log.difficulty = card.difficulty;
                    log.scheduledDays = card.scheduledDays;
                    ReviewResult result = new ReviewResult(log.id.toString(), card.id.toString(), rating, at, card.state,
                            card.due, card.scheduledDays, card.stability, card.difficulty);
                    return log.persist()
                            .chain(() -> outbox.append(card.id.toString(), tenant, new ReviewRecorded(log.id.toString(), tenant,
                                    userId, card.id.toString(), card.itemId, rating, card.state, card.stability, card.difficulty,
                                    at, card.due)))
                            .replaceWith(result);
                }));
    }

    /** Takes back the card's latest review, restoring the card as it was; the log keeps it, marked undone. */
    @WithTransaction
    public Uni<ReviewResult> undo(Caller caller, UUID reviewId) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        // Locked: of two undos of one review at once, the second waits and then finds it undone (409), instead of both
        // restoring the card and answering 200.
        return ReviewLog.<ReviewLog>find("id = ?1 and tenant = ?2 and userId = ?3", reviewId, tenant, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).<ReviewLog>firstResult()
                .chain(log -> {
                    if (log == null) {
                        throw ProblemException.notFound(Text.of("progress.review.not-found", reviewId));
                    }
                    if (log.undone) {
                        throw ProblemException.conflict("review-already-undone", Text.of("progress.review.undone", reviewId));
                    }
                    return ReviewLog.<ReviewLog>find("cardId = ?1 and undone = false order by reviewedAt desc, id desc", log.cardId)
                            .firstResult()
                            .chain(latest -> {
                                if (!latest.id.equals(log.id)) {
                                    throw ProblemException.conflict("not-latest-review", Text.of("progress.review.not-latest", latest.id));
                                }
                                return Card.<Card>find("from Card c where c.id = ?1 and c.userId = ?2 and "
                                        + ItemVisibility.cardHql("c", "?2"), log.cardId, userId).<Card>firstResult().map(card -> {
                                    if (card == null) {
                                        throw ProblemException.notFound(Text.of("progress.review.not-found", reviewId));
                                    }
                                    parse(log.cardBefore).restore(card);
                                    log.undone = true;
                                    return new ReviewResult(log.id.toString(), card.id.toString(), log.rating, log.reviewedAt,
                                            card.state, card.due, card.scheduledDays, card.stability, card.difficulty);
                                });
                            });
                });
    }

    private String json(CardSnapshot snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CardSnapshot parse(String json) {
        try {
            return mapper.readValue(json, CardSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt card snapshot in the review log", e);
        }
    }
}
