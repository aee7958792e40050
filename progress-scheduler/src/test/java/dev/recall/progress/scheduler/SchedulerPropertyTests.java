package dev.recall.progress.scheduler;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants that hold for any options, ratings and review times. */
class SchedulerPropertyTests {

    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");

    @Provide
    Arbitrary<SchedulerOptions> options() {
        double[] defaults = SchedulerOptions.defaults().w();
        Arbitrary<double[]> w = Arbitraries.doubles().between(0.5, 1.5).array(double[].class).ofSize(21)
                .map(scale -> {
                    double[] result = new double[21];
                    for (int i = 0; i < 21; i++) {
                        result[i] = defaults[i] * scale[i];
                    }
                    // Trained parameters give a higher initial stability to a higher first rating; keep that.
                    java.util.Arrays.sort(result, 0, 4);
                    return result;
                });
        Arbitrary<List<Duration>> steps = Arbitraries.of(List.of(), List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
                List.of(Duration.ofMinutes(30)), List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1)),
                List.of(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(1)));
        return Combinators.combine(w, Arbitraries.doubles().between(0.7, 0.97), Arbitraries.of(10, 365, 36500), steps, steps,
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(SchedulerOptions::new);
    }

    @Provide
    Arbitrary<List<int[]>> reviews() {
        // [rating, seconds after the previous due (may be negative: early), ...]
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(-86_400, 30 * 86_400))
                .as((rating, offset) -> new int[]{rating, offset}).list().ofMinSize(1).ofMaxSize(25);
    }

    private static List<CardState> run(Fsrs fsrs, List<int[]> reviews, List<Instant> times) {
        CardState card = CardState.newCard(START);
        Instant now = START;
        List<CardState> states = new ArrayList<>();
        for (int[] review : reviews) {
            Instant at = card.due().plusSeconds(review[1]);
            now = at.isBefore(now) ? now : at;
            times.add(now);
            card = fsrs.next(card, now, Rating.of(review[0]), Fsrs.fuzzSeed("card", card.reps()));
            states.add(card);
        }
        return states;
    }

    @Property(tries = 300)
    void memoryStaysInRangeAndIntervalsRespectTheMaximum(@ForAll("options") SchedulerOptions options, @ForAll("reviews") List<int[]> reviews) {
        List<CardState> states = run(new Fsrs(options), reviews, new ArrayList<>());
        for (int i = 0; i < states.size(); i++) {
            CardState card = states.get(i);
            assertThat(card.difficulty()).isBetween(1.0, 10.0);
            assertThat(card.stability()).isPositive();
            // Like ts-fsrs, every button is kept at least a day after the one below it, even past the maximum
            // interval: at the cap the basic scheduler gives Hard max, Good max+1, Easy max+2, and the long-term
            // scheduler Again max, Hard max+1, Good max+2, Easy max+3. Exact equality with ts-fsrs wins here.
            int overshoot = Math.max(0, reviews.get(i)[0] - (options.enableShortTerm() ? 2 : 1));
            assertThat(card.scheduledDays()).isBetween(0, options.maximumInterval() + overshoot);
            assertThat(card.due()).isAfter(card.lastReview());
        }
    }

    @Property(tries = 300)
    void aHigherRatingNeverGivesAnEarlierDue(@ForAll("options") SchedulerOptions options, @ForAll("reviews") List<int[]> reviews) {
        Fsrs fsrs = new Fsrs(options);
        List<Instant> times = new ArrayList<>();
        List<CardState> states = run(fsrs, reviews, times);
        CardState before = CardState.newCard(START);
        for (int i = 0; i < states.size(); i++) {
            Map<Rating, CardState> preview = fsrs.preview(before, times.get(i), Fsrs.fuzzSeed("card", before.reps()));
            for (Rating rating : Rating.values()) {
                if (rating != Rating.EASY) {
                    Rating higher = Rating.of(rating.value() + 1);
                    assertThat(preview.get(higher).due()).as("%s vs %s from %s", higher, rating, before)
                            .isAfterOrEqualTo(preview.get(rating).due());
                }
            }
            before = states.get(i);
        }
    }

    @Property(tries = 200)
    void previewAndReplayAgreeWithStepByStepReviews(@ForAll("options") SchedulerOptions options, @ForAll("reviews") List<int[]> reviews) {
        Fsrs fsrs = new Fsrs(options);
        List<Instant> times = new ArrayList<>();
        List<CardState> states = run(fsrs, reviews, times);
        CardState before = CardState.newCard(START);
        List<Fsrs.Review> log = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            Rating rating = Rating.of(reviews.get(i)[0]);
            assertThat(fsrs.preview(before, times.get(i), Fsrs.fuzzSeed("card", before.reps())).get(rating)).isEqualTo(states.get(i));
            log.add(new Fsrs.Review(times.get(i), rating));
            before = states.get(i);
        }
        // Replay starts from a new card at the first review and uses one seed for every step.
        long seed = Fsrs.fuzzSeed("replayed", reviews.size());
        CardState stepByStep = CardState.newCard(times.get(0));
        for (Fsrs.Review review : log) {
            stepByStep = fsrs.next(stepByStep, review.at(), review.rating(), seed);
        }
        assertThat(fsrs.replay(log, seed)).isEqualTo(stepByStep);
        if (!options.enableFuzz()) {
            assertThat(fsrs.replay(log, 0)).isEqualTo(states.get(states.size() - 1));
        }
    }

    @Property(tries = 300)
    void aFuzzedIntervalLiesInTsFsrsRange(@ForAll("options") SchedulerOptions options, @ForAll long seed,
                                          @ForAll @IntRange(min = 0, max = 3) int firstRating) {
        // Easy on a card in learning graduates it straight to the FSRS interval (no Hard/Good/Easy ordering
        // nudges), so its fuzzed interval must lie in get_fuzz_range of the unfuzzed one, elapsed days 0.
        SchedulerOptions plain = new SchedulerOptions(options.w(), options.requestRetention(), options.maximumInterval(),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), options.relearningSteps(), true, false);
        SchedulerOptions fuzzy = new SchedulerOptions(plain.w(), plain.requestRetention(), plain.maximumInterval(),
                plain.learningSteps(), plain.relearningSteps(), true, true);
        CardState learning = new Fsrs(plain).next(CardState.newCard(START), START, Rating.values()[firstRating]);
        if (learning.state() != State.LEARNING) {
            return;
        }
        Instant at = learning.due();
        int unfuzzed = new Fsrs(plain).next(learning, at, Rating.EASY).scheduledDays();
        CardState fuzzed = new Fsrs(fuzzy).next(learning, at, Rating.EASY, seed);
        if (unfuzzed < 2.5) {
            assertThat(fuzzed.scheduledDays()).isEqualTo(unfuzzed);
        } else {
            int[] range = Fsrs.fuzzRange(unfuzzed, 0, options.maximumInterval());
            assertThat(fuzzed.scheduledDays()).isBetween(range[0], range[1]);
        }
        assertThat(fuzzed.due()).isEqualTo(at.plus(Duration.ofDays(fuzzed.scheduledDays())));
        assertThat(new Fsrs(fuzzy).next(learning, at, Rating.EASY, seed)).isEqualTo(fuzzed);
    }

    @Property(tries = 200)
    void fuzzStaysInTsFsrsRangeAndIsDeterministic(@ForAll @IntRange(min = 3, max = 36500) int interval,
                                                  @ForAll @IntRange(min = 0, max = 400) int elapsed, @ForAll long seed) {
        int[] range = Fsrs.fuzzRange(interval, elapsed, 36500);
        assertThat(range[0]).isLessThanOrEqualTo(range[1]);
        assertThat(range[0]).isGreaterThanOrEqualTo(2);
        double spread = interval <= 7 ? 0.15 * interval + 1 : 0.1 * interval + 1.7;
        assertThat(range[1] - interval).isLessThanOrEqualTo((int) Math.ceil(spread) + 1);
    }

    @Property(tries = 100)
    void theSameSeedGivesTheSameFuzzedDue(@ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 4) Integer> ratings) {
        SchedulerOptions d = SchedulerOptions.defaults();
        Fsrs fuzzed = new Fsrs(new SchedulerOptions(d.w(), 0.9, 36500, d.learningSteps(), d.relearningSteps(), true, true));
        CardState a = CardState.newCard(START);
        CardState b = CardState.newCard(START);
        for (int rating : ratings) {
            Instant at = a.due();
            a = fuzzed.next(a, at, Rating.of(rating), Fsrs.fuzzSeed("c-1", a.reps()));
            b = fuzzed.next(b, at, Rating.of(rating), Fsrs.fuzzSeed("c-1", b.reps()));
            assertThat(a).isEqualTo(b);
        }
    }
}
