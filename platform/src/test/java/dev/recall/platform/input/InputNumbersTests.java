package dev.recall.platform.input;

import dev.recall.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputNumbersTests {

    @Test
    void namesPassUnlessEmptyTooLongOrNotText() {
        assertThat(Inputs.name("target", null)).isNull();
        assertThat(Inputs.name("target", "装饰器 😀")).isEqualTo("装饰器 😀");
        for (String bad : new String[]{"a\u0000b", "", "x".repeat(201), "a\ud800", "\udc00", "a\nb"}) {
            assertThatThrownBy(() -> Inputs.name("target", bad)).isInstanceOf(ProblemException.class).hasMessageStartingWith("target: ");
        }
    }

    @Test
    void numbersAreWholeAndInRange() {
        assertThat(Inputs.number("days", null, 30, 1, 365)).isEqualTo(30);
        assertThat(Inputs.number("days", "365", 30, 1, 365)).isEqualTo(365);
        for (String bad : new String[]{"abc", "0", "366", "-1", "1.5", "", "99999999999"}) {
            assertThatThrownBy(() -> Inputs.number("days", bad, 30, 1, 365)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400)).hasMessageStartingWith("days: ");
        }
    }
}
