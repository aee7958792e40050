package dev.recall.launchers;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTests {

    @Test
    void aClusterIdIsSixteenBytesOfBase64UrlAndNeverLooksLikeAnOption() {
        // 1 in 64 plain base64url ids starts with '-': 20,000 draws would show one with near certainty.
        IntStream.range(0, 20_000).mapToObj(i -> KafkaBroker.clusterId()).forEach(id -> {
            assertThat(id).doesNotStartWith("-").hasSize(22);
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        });
    }
}
