package dev.recall.progress.scheduler;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Forget": whatever a card went through, a reset card is scheduled exactly like a new one, lapses aside. */
class CardResetTests {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private final Fsrs fsrs = new Fsrs(SchedulerOptions.defaults());

    @Property(tries = 200)
    void aResetCardIsNewDueNowAndKeepsItsLapses(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 4) Integer> ratings,
                                                 @ForAll @IntRange(min = 1, max = 4) int firstRatingAfter) {
        CardState card = CardState.newCard(START);
        Instant now = START;
        for (int rating : ratings) {
            card = fsrs.next(card, now, Rating.of(rating));
            now = card.due().isAfter(now) ? card.due() : now.plusSeconds(60);
        }
        Instant forgotAt = now.plusSeconds(3_600);

        CardState reset = card.reset(forgotAt);

        assertThat(reset.state()).isEqualTo(State.NEW);
        assertThat(reset.due()).isEqualTo(forgotAt);
        assertThat(reset.lastReview()).isNull();
        assertThat(reset.reps()).isZero();
        assertThat(reset.lapses()).isEqualTo(card.lapses());
        CardState fresh = CardState.newCard(forgotAt);
        assertThat(reset).isEqualTo(new CardState(State.NEW, forgotAt, 0, 0, 0, 0, 0, card.lapses(), null));
        CardState afterReset = fsrs.next(reset, forgotAt, Rating.of(firstRatingAfter));
        CardState afterNew = fsrs.next(fresh, forgotAt, Rating.of(firstRatingAfter));
        assertThat(afterReset.due()).isEqualTo(afterNew.due());
        assertThat(afterReset.stability()).isEqualTo(afterNew.stability());
        assertThat(afterReset.difficulty()).isEqualTo(afterNew.difficulty());
    }
}
