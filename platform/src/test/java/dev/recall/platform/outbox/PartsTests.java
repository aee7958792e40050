package dev.recall.platform.outbox;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartsTests {

    @Test
    void fillsEachPartUpToTheBudget() {
        assertThat(Parts.split(List.of(3, 3, 3, 1, 5), Integer::longValue, 6))
                .containsExactly(List.of(3, 3), List.of(3, 1), List.of(5));
    }

    @Test
    void anOversizedElementTravelsAlone() {
        assertThat(Parts.split(List.of(1, 9, 1), Integer::longValue, 4)).containsExactly(List.of(1), List.of(9), List.of(1));
    }

    @Test
    void nothingGivesNoParts() {
        assertThat(Parts.split(List.<Integer>of(), Integer::longValue, 4)).isEmpty();
    }

    @Property
    void partsKeepEveryElementInOrderAndStayWithinTheBudget(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 50) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 120) int budget) {
        List<List<Integer>> parts = Parts.split(sizes, Integer::longValue, budget);
        assertThat(parts.stream().flatMap(List::stream).toList()).isEqualTo(sizes);
        for (List<Integer> part : parts) {
            assertThat(part).isNotEmpty();
            long sum = part.stream().mapToLong(Integer::longValue).sum();
            assertThat(sum <= budget || part.size() == 1).as("part %s within %d", part, budget).isTrue();
        }
        // Greedy: no part could have taken the next part's first element.
        for (int i = 0; i + 1 < parts.size(); i++) {
            long sum = parts.get(i).stream().mapToLong(Integer::longValue).sum();
            assertThat(sum + parts.get(i + 1).get(0)).isGreaterThan(budget);
        }
    }
}
