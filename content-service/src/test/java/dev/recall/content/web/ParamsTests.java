package dev.recall.content.web;

import dev.recall.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTests {

    static void refused(Runnable parse) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void idsMustBeCanonicalUuidsInAnyCaseAndAreStoredLowerCase() {
        UUID id = UUID.randomUUID();
        assertThat(Params.uuid("id", id.toString().toUpperCase())).isEqualTo(id);
        assertThat(Params.uuidText("deck", id.toString().toUpperCase())).isEqualTo(id.toString());
        assertThat(Params.uuidText("deck", null)).isNull();
        for (String bad : new String[]{"1-1-1-1-1", "not-a-uuid", "", "\u0000", id + "0", "{" + id + "}", id.toString().replace("-", "")}) {
            refused(() -> Params.uuid("id", bad));
        }
    }

    @Test
    void numbersAreWholeAndInRange() {
        assertThat(Params.limit(null)).isNull();
        assertThat(Params.limit("")).isNull();
        assertThat(Params.limit("100")).isEqualTo(100);
        assertThat(Params.version("v", "2147483647")).isEqualTo(2147483647L);
        for (String bad : new String[]{"0", "101", "-1", "abc", "1.5", "99999999999999999999", "\u0000", " "}) {
            refused(() -> Params.limit(bad));
        }
        for (String bad : new String[]{"0", "-1", "2147483648", "9223372036854775807"}) {
            refused(() -> Params.version("v", bad));
        }
    }

    @Test
    void textHasNoNulNoLoneSurrogateAndABoundedLength() {
        assertThat(Params.text("q", "装饰器", 3)).isEqualTo("装饰器");
        assertThat(Params.text("q", null, 3)).isNull();
        refused(() -> Params.text("q", "abcd", 3));
        refused(() -> Params.text("q", "a\u0000", 3));
        refused(() -> Params.text("q", "a\ud800", 3));
    }
}
