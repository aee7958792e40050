package dev.recall.notes;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTests {

    private static final List<Keywords> GUARDS = Arrays.asList(Keywords.of("like", "赞"), null, Keywords.digit(), Keywords.of("read more", "©"),
            Keywords.of("赞", "share").orDigit(), Keywords.of("(c)", "51cto"));

    @Test
    void aMaskHasTheBitOfEveryGuardTheLineHasAndNoOther() {
        Keywords.Mask mask = new Keywords.Mask(GUARDS);
        List<String> lines = List.of("", "nothing here", "12 LIKES · 3 comments", "点赞 12", "READ MORE", "Copyright (C) 2024",
                "51CTO博客", "© 2023 Dana", "Share this post", "likely", "read mor", "x5", "赞");
        for (String line : lines) {
            long bits = mask.of(line);
            List<Integer> expected = new ArrayList<>();
            List<Integer> actual = new ArrayList<>();
            for (int k = 0; k < GUARDS.size(); k++) {
                if (GUARDS.get(k) != null && GUARDS.get(k).in(line)) {
                    expected.add(k);
                }
                if ((bits >>> k & 1) == 1) {
                    actual.add(k);
                }
            }
            assertThat(actual).as(line).isEqualTo(expected);
        }
        assertThat(mask.of("12 likes")).isEqualTo(0b10101);
        assertThat(mask.of("nothing here")).isZero();
    }
}
