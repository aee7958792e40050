package dev.recall.progress.review;

import dev.recall.platform.problem.Text;

import dev.recall.progress.card.Card;
import dev.recall.progress.scheduler.CardState;
import dev.recall.progress.scheduler.Fsrs;
import dev.recall.progress.scheduler.Rating;
import dev.recall.progress.scheduler.SchedulerOptions;
import dev.recall.progress.scheduler.State;
import dev.recall.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bridges the stored {@link Card} and the framework-free FSRS core. */
@ApplicationScoped
public class Scheduling {

    /** "again" .. "easy": a page of 50 cards lower-cased 200 names per request. */
    private static final String[] RATING_NAMES = java.util.Arrays.stream(Rating.values()).map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
            .toArray(String[]::new);

    /** What each of the four buttons would do, for the client to show. */
    public List<DueCard.Preview> previews(Card card, Instant now, SchedulerOptions options) {
        return previews(new Fsrs(options), card, now);
    }

    /** The same with a scheduler made once for a whole page of one learner's cards. */
    public List<DueCard.Preview> previews(Fsrs fsrs, Card card, Instant now) {
        return previews(fsrs, card.id.toString(), toState(card), now);
    }

    /** The same for a card read as its scheduling state (the due queue's rows, no entity). */
    public List<DueCard.Preview> previews(Fsrs fsrs, String cardId, CardState state, Instant now) {
        Instant at = state.lastReview() != null && now.isBefore(state.lastReview()) ? state.lastReview() : now;
        Map<Rating, CardState> outcomes = fsrs.preview(state, at, Fsrs.fuzzSeed(cardId, state.reps()));
        List<DueCard.Preview> previews = new ArrayList<>(4);
        outcomes.forEach((rating, next) -> previews.add(new DueCard.Preview(rating.value(), RATING_NAMES[rating.ordinal()],
                next.due(), next.scheduledDays(), next.state().name())));
        return previews;
    }

    /** Applies one rating to the card in place. */
    public void apply(Card card, Instant at, int rating, SchedulerOptions options) {
        Rating parsed;
        try {
            parsed = Rating.of(rating);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("rating", Text.of("progress.rating"));
        }
        CardState next = new Fsrs(options).next(toState(card), at, parsed, Fsrs.fuzzSeed(card.id.toString(), card.reps));
        store(card, next);
    }

    /**
     * Reschedules the card from scratch by replaying its reviews (oldest first) with these options: used when
     * a learner changes retention, steps or parameters.
     */
    public void replay(Card card, List<ReviewLog> reviews, SchedulerOptions options) {
        if (reviews.isEmpty()) {
            return;
        }
        Fsrs fsrs = new Fsrs(options);
        CardState state = CardState.newCard(card.createdAt.isAfter(reviews.get(0).reviewedAt) ? reviews.get(0).reviewedAt : card.createdAt);
        for (ReviewLog review : reviews) {
            state = fsrs.next(state, review.reviewedAt, Rating.of(review.rating), Fsrs.fuzzSeed(card.id.toString(), state.reps()));
        }
        store(card, state);
    }

    /** "Forget": the card starts again as new, due {@code now}, with the scheduler's own reset. */
    public void reset(Card card, Instant now) {
        store(card, toState(card).reset(now));
    }

    private static void store(Card card, CardState next) {
        card.state = next.state().name();
        card.due = next.due();
        card.stability = next.stability();
        card.difficulty = next.difficulty();
        card.scheduledDays = next.scheduledDays();
        card.learningSteps = next.learningSteps();
        card.reps = next.reps();
        card.lapses = next.lapses();
        card.lastReview = next.lastReview();
    }

    static CardState toState(Card card) {
        return new CardState(State.valueOf(card.state), card.due, card.stability, card.difficulty, card.scheduledDays,
                card.learningSteps, card.reps, card.lapses, card.lastReview);
    }
}
