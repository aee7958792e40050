package dev.recall.progress.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The FSRS-6 scheduler: given a card and a rating, the card after the review. It reproduces ts-fsrs 5.4.2
 * (its basic scheduler with learning steps when short-term reviews are on, its long-term scheduler when
 * they are off). Fuzz differs only in its random source: a seed the caller gives (card id and review count),
 * so replaying a log gives the same dues.
 */
public final class Fsrs {

    public record Review(Instant at, Rating rating) {
    }

    private static final int MINUTES_PER_DAY = 1440;

    private final SchedulerOptions options;
    private final MemoryModel model;

    public Fsrs(SchedulerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.model = new MemoryModel(options);
    }

    public CardState next(CardState card, Instant now, Rating rating) {
        return next(card, now, rating, 0);
    }

    public CardState next(CardState card, Instant now, Rating rating, long fuzzSeed) {
        Objects.requireNonNull(rating, "rating");
        return new Step(card, now, fuzzSeed).review(rating);
    }

    public Map<Rating, CardState> preview(CardState card, Instant now, long fuzzSeed) {
        Step step = new Step(card, now, fuzzSeed);
        Map<Rating, CardState> outcomes = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            outcomes.put(rating, step.review(rating));
        }
        return outcomes;
    }

    /** The probability of recalling the card now; 0 for a card never reviewed. */
    public double retrievability(CardState card, Instant now) {
        if (card.state() == State.NEW || card.lastReview() == null) {
            return 0;
        }
        long days = Math.max(Math.floorDiv(now.toEpochMilli() - card.lastReview().toEpochMilli(), 86_400_000L), 0);
        return model.retrievability(days, MemoryModel.roundTo(card.stability(), 8));
    }

    /**
     * Reschedules from scratch: a new card at the first review, then every review in order, each with
     * {@code fuzzSeed} (the seed matters only when fuzz is on).
     */
    public CardState replay(List<Review> log, long fuzzSeed) {
        if (log.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay");
        }
        CardState card = CardState.newCard(log.get(0).at());
        for (Review review : log) {
            card = next(card, review.at(), review.rating(), fuzzSeed);
        }
        return card;
    }

    /** A seed for fuzz that depends only on the card and how often it was reviewed. */
    public static long fuzzSeed(String cardId, int reps) {
        long hash = 1125899906842597L;
        for (int i = 0; i < cardId.length(); i++) {
            hash = 31 * hash + cardId.charAt(i);
        }
        return hash * 0x9E3779B97F4A7C15L + reps;
    }

    /** ts-fsrs counts elapsed days as the difference of UTC calendar dates, not of 24-hour periods. */
    static int calendarDaysBetween(Instant from, Instant to) {
        return (int) ChronoUnit.DAYS.between(from.atZone(ZoneOffset.UTC).toLocalDate(), to.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** One review of one card at one time, for any of the four ratings. */
    private final class Step {
        private final CardState last;
        private final Instant now;
        private final int elapsedDays;
        private final long fuzzSeed;
        private final int reps;
        /** A Review card's retrievability now and its Hard/Good/Easy outcomes, kept for the other ratings of a preview. */
        private double retrievability = Double.NaN;
        private MemoryModel.Memory[] recalled;
        private int[] recalledDays;

        Step(CardState card, Instant now, long fuzzSeed) {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(now, "now");
            if (card.lastReview() != null && now.isBefore(card.lastReview())) {
                throw new IllegalArgumentException("review at " + now + " is before the card's last review at " + card.lastReview());
            }
            this.last = card;
            this.now = now;
            this.elapsedDays = card.state() != State.NEW && card.lastReview() != null ? calendarDaysBetween(card.lastReview(), now) : 0;
            this.fuzzSeed = fuzzSeed;
            this.reps = card.reps() + 1;
        }

        CardState review(Rating rating) {
            if (!options.enableShortTerm()) {
                return longTerm(rating);
            }
            return switch (last.state()) {
                case NEW -> withSteps(memoryAfter(rating), rating, State.LEARNING);
                case LEARNING, RELEARNING -> withSteps(memoryAfter(rating), rating, last.state());
                case REVIEW -> review(rating, last.lapses());
            };
        }

        /** A card in the Review state under the basic scheduler. */
        private CardState review(Rating rating, int lapses) {
            if (Double.isNaN(retrievability)) {
                retrievability = model.retrievability(elapsedDays, last.stability());
            }
            double r = retrievability;
            if (rating == Rating.AGAIN) {
                MemoryModel.Memory again = model.next(memory(), elapsedDays, Rating.AGAIN, r);
                CardState card = withSteps(again, Rating.AGAIN, State.RELEARNING);
                return copy(card, card.lapses() + 1);
            }
            if (recalled == null) { // Hard, Good and Easy each need all three: computed once for a preview's three
                recalled = model.nextRecalled(memory(), elapsedDays, r);
                int hardDays = interval(recalled[0].stability());
                int goodDays = interval(recalled[1].stability());
                hardDays = Math.min(hardDays, goodDays);
                goodDays = Math.max(goodDays, hardDays + 1);
                int easyDays = Math.max(interval(recalled[2].stability()), goodDays + 1);
                recalledDays = new int[]{hardDays, goodDays, easyDays};
            }
            int i = switch (rating) {
                case HARD -> 0;
                case GOOD -> 1;
                default -> 2;
            };
            return inReview(recalled[i], recalledDays[i], lapses);
        }

        /** ts-fsrs's long-term scheduler: no learning steps, every review gives whole days. */
        private CardState longTerm(Rating rating) {
            boolean isNew = last.state() == State.NEW;
            int t = isNew ? 0 : elapsedDays;
            Double r = isNew ? null : model.retrievability(t, last.stability());
            MemoryModel.Memory[] memory = new MemoryModel.Memory[4];
            int[] days = new int[4];
            for (Rating g : Rating.values()) {
                memory[g.ordinal()] = r == null ? model.next(memory(), t, g) : model.next(memory(), t, g, r);
                days[g.ordinal()] = interval(memory[g.ordinal()].stability(), t);
            }
            days[0] = Math.min(days[0], days[1]);
            days[1] = Math.max(days[1], days[0] + 1);
            days[2] = Math.max(days[2], days[1] + 1);
            days[3] = Math.max(days[3], days[2] + 1);
            int lapses = last.lapses() + (!isNew && rating == Rating.AGAIN ? 1 : 0);
            return inReview(memory[rating.ordinal()], days[rating.ordinal()], lapses);
        }

        private MemoryModel.Memory memory() {
            return new MemoryModel.Memory(last.difficulty(), last.stability());
        }

        private MemoryModel.Memory memoryAfter(Rating rating) {
            return model.next(memory(), elapsedDays, rating);
        }

        /** Moves a (re)learning card along its steps, or graduates it to Review when no step applies. */
        private CardState withSteps(MemoryModel.Memory memory, Rating rating, State toState) {
            int[] step = learningStep(rating);
            int minutes = step == null ? 0 : Math.max(0, step[0]);
            int nextStep = step == null ? 0 : Math.max(0, step[1]);
            if (minutes > 0 && minutes < MINUTES_PER_DAY) {
                return build(toState, now.plus(Duration.ofMinutes(minutes)), memory, 0, nextStep, last.lapses());
            }
            if (minutes >= MINUTES_PER_DAY) {
                return build(State.REVIEW, now.plus(Duration.ofMinutes(minutes)), memory, minutes / MINUTES_PER_DAY, nextStep, last.lapses());
            }
            int days = interval(memory.stability());
            return build(State.REVIEW, now.plus(Duration.ofDays(days)), memory, days, 0, last.lapses());
        }

        /** [minutes, next step index] for this rating, or null when the steps say nothing (then FSRS decides). */
        private int[] learningStep(Rating rating) {
            State state = last.state();
            List<Duration> steps = state == State.RELEARNING || state == State.REVIEW ? options.relearningSteps() : options.learningSteps();
            int current = last.learningSteps();
            if (steps.isEmpty() || current >= steps.size()) {
                return null;
            }
            int first = (int) steps.get(0).toMinutes();
            if (state == State.REVIEW) {
                return rating == Rating.AGAIN ? new int[]{(int) steps.get(Math.max(0, current)).toMinutes(), 0} : null;
            }
            return switch (rating) {
                case AGAIN -> new int[]{first, 0};
                case HARD -> new int[]{steps.size() == 1 ? (int) Math.round(first * 1.5)
                        : (int) Math.round((first + steps.get(1).toMinutes()) / 2.0), current};
                case GOOD -> current + 1 < steps.size() ? new int[]{(int) steps.get(current + 1).toMinutes(), current + 1} : null;
                case EASY -> null;
            };
        }

        private CardState inReview(MemoryModel.Memory memory, int days, int lapses) {
            return build(State.REVIEW, now.plus(Duration.ofDays(days)), memory, days, 0, lapses);
        }

        private CardState copy(CardState card, int lapses) {
            return new CardState(card.state(), card.due(), card.stability(), card.difficulty(), card.scheduledDays(),
                    card.learningSteps(), card.reps(), lapses, card.lastReview());
        }

        private CardState build(State state, Instant due, MemoryModel.Memory memory, int scheduledDays, int learningSteps, int lapses) {
            return new CardState(state, due, memory.stability(), memory.difficulty(), scheduledDays, learningSteps, reps, lapses, now);
        }

        private int interval(double stability) {
            return interval(stability, elapsedDays);
        }

        /** Days until the next review at the requested retention, capped, then fuzzed when fuzz is on. */
        private int interval(double stability, int elapsed) {
            int days = (int) Math.min(Math.max(1, Math.round(stability * model.intervalModifier)), options.maximumInterval());
            if (!options.enableFuzz() || days < 2.5) {
                return days;
            }
            int[] range = fuzzRange(days, elapsed, options.maximumInterval());
            double fraction = new SplittableRandom(fuzzSeed).nextDouble();
            return (int) Math.floor(fraction * (range[1] - range[0] + 1) + range[0]);
        }
    }

    /** ts-fsrs's fuzz range [min, max] in days: ±15% from 2.5 to 7 days, ±10% to 20, ±5% beyond. */
    static int[] fuzzRange(double interval, int elapsedDays, int maximumInterval) {
        double delta = 1;
        delta += 0.15 * Math.max(Math.min(interval, 7) - 2.5, 0);
        delta += 0.10 * Math.max(Math.min(interval, 20) - 7, 0);
        delta += 0.05 * Math.max(interval - 20, 0);
        double capped = Math.min(interval, maximumInterval);
        int min = (int) Math.max(2, Math.round(capped - delta));
        int max = (int) Math.min(Math.round(capped + delta), maximumInterval);
        if (capped > elapsedDays) {
            min = Math.max(min, elapsedDays + 1);
        }
        return new int[]{Math.min(min, max), max};
    }
}
