package dev.recall.platform.paging;

import dev.recall.platform.problem.ProblemException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTests {

    @Property
    void anyValuesSurviveTheRoundTrip(@ForAll String a, @ForAll String b) {
        Cursor decoded = Cursor.decode("notes", Cursor.of("notes", a, b).encode(), 2);
        assertThat(decoded.values()).containsExactly(a, b);
    }

    @Test
    void theWireFormatIsBase64urlOfKindAndValues() {
        // Clients keep cursors between releases: the format is kind|value|..., '|' escaped as \p and '\' as \\.
        String raw = new String(Base64.getUrlDecoder().decode(Cursor.of("x", "a|b", "c\\d").encode()), StandardCharsets.UTF_8);
        assertThat(raw).isEqualTo("x|a\\pb|c\\\\d");
        assertThat(Cursor.of("card", "0f8a3c1e-0000-4000-8000-000000000000").encode())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("card|0f8a3c1e-0000-4000-8000-000000000000".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(Cursor.decode("notes", null, 2)).isNull();
        assertThat(Cursor.decode("notes", " ", 2)).isNull();
    }

    @Test
    void aCursorOfAnotherListOrGarbageIsA400() {
        String versions = Cursor.of("versions", "3").encode();
        for (String bad : List.of(versions, "nonsense!", Cursor.of("notes", "only-one").encode())) {
            assertThatThrownBy(() -> Cursor.decode("notes", bad, 2))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void typedValuesAreCheckedToo() {
        UUID id = UUID.randomUUID();
        Cursor good = Cursor.decode("k", Cursor.of("k", "2026-01-02T03:04:05.123456Z", id.toString(), "42").encode(), 3);
        assertThat(good.time(0).toInstant().toString()).isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(good.uuid(1)).isEqualTo(id);
        assertThat(good.number(2)).isEqualTo(42);
        Cursor bad = Cursor.of("k", "yesterday", "not-a-uuid", "4x");
        assertThatThrownBy(() -> bad.time(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> bad.uuid(1)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> bad.number(2)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aPageFetchesOneRowMoreToKnowThereIsANext() {
        Page<Integer> first = Page.of(List.of(1, 2, 3), 2, i -> i * 10, i -> Cursor.of("n", i.toString()));
        assertThat(first.items()).containsExactly(10, 20);
        assertThat(Cursor.decode("n", first.nextCursor(), 1).number(0)).isEqualTo(2);
        Page<Integer> last = Page.of(List.of(1, 2), 2, i -> i, i -> Cursor.of("n", i.toString()));
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void limitsOutsideTheirRangeAre400s() {
        assertThat(Page.limit(null)).isEqualTo(Page.DEFAULT_LIMIT);
        assertThat(Page.limit(null, 50, 500)).isEqualTo(50);
        assertThat(Page.limit(500, 50, 500)).isEqualTo(500);
        assertThatThrownBy(() -> Page.limit(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Page.limit(101)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aForgedNegativePositionOrAnOverlongCursorIsRefused() {
        // A search cursor is rank|offset: "search|-5" used to reach SQL as OFFSET -5 (a 500).
        String negative = Base64.getUrlEncoder().withoutPadding().encodeToString("search|-5".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Cursor.decode("search", negative, 1).number(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.decode("search", "A".repeat(5000), 1)).isInstanceOf(ProblemException.class);
        assertThat(Cursor.decode("search", Cursor.of("search", "40").encode(), 1).number(0)).isEqualTo(40);
    }
}
