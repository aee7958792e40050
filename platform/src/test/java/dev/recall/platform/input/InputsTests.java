package dev.recall.platform.input;

import dev.recall.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputsTests {

    @Test
    void namesWithoutControlCharactersPassAndAbsentStaysAbsent() {
        assertThat(Inputs.name("note", null)).isNull();
        assertThat(Inputs.name("tag", "装饰器 😀")).isEqualTo("装饰器 😀");
    }

    @Test
    void nulEmptyTooLongAndLoneSurrogatesAreA400NamingTheField() {
        for (String bad : new String[]{"a\u0000b", "", "x".repeat(201), "a\ud800", "\udc00b", "tab\there"}) {
            assertThatThrownBy(() -> Inputs.name("note", bad)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400))
                    .hasMessageStartingWith("note: ");
        }
    }

    @Test
    void limitsAreWholeNumbersInRange() {
        assertThat(Inputs.limit(null, 50, 200)).isEqualTo(50);
        assertThat(Inputs.limit("7", 50, 200)).isEqualTo(7);
        for (String bad : new String[]{"abc", "0", "201", "-1", "1e3", "", "99999999999"}) {
            assertThatThrownBy(() -> Inputs.limit(bad, 50, 200)).isInstanceOf(ProblemException.class).hasMessageStartingWith("limit: ");
        }
    }
}
