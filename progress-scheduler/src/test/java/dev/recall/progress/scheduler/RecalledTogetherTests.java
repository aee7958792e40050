package dev.recall.progress.scheduler;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import static org.assertj.core.api.Assertions.assertThat;

/** A preview's Hard/Good/Easy computed together (one pow and one exp) are bit for bit the ratings computed one by one. */
class RecalledTogetherTests {

    final MemoryModel shortTerm = new MemoryModel(SchedulerOptions.defaults());

    @Property(tries = 2000)
    void theSameBitsAsOneByOne(@ForAll @DoubleRange(min = 1, max = 10) @Scale(8) double d, @ForAll @DoubleRange(min = 0.001, max = 36500) @Scale(8) double s,
                               @ForAll @IntRange(min = 0, max = 400) int t, @ForAll @DoubleRange(min = 0, max = 1) @Scale(8) double r) {
        MemoryModel.Memory memory = new MemoryModel.Memory(d, s);
        MemoryModel.Memory[] together = shortTerm.nextRecalled(memory, t, r);
        assertThat(together).containsExactly(shortTerm.next(memory, t, Rating.HARD, r), shortTerm.next(memory, t, Rating.GOOD, r),
                shortTerm.next(memory, t, Rating.EASY, r));
    }
}
