package dev.recall.progress.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The due queue's instant writer must write what Jackson's JavaTimeModule writes, character for character. */
class InstantWriterTests {

    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper OURS = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static {
        new InstantWriter().customize(OURS);
    }

    @Test
    void writesWhatJacksonWrites() throws Exception {
        // Registered after JavaTimeModule, as Quarkus's customizers run: the writer under test is the one used.
        assertThat(OURS.getSerializerProviderInstance().findValueSerializer(Instant.class)).isInstanceOf(InstantWriter.Serializer.class);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00.100Z"),
                Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.parse("2000-03-01T00:00:00.000000010Z"),
                Instant.parse("1900-02-28T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.MIN, Instant.MAX, Instant.now()));
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(min, max + 1);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant instant : instants) {
            assertThat(OURS.writeValueAsString(instant)).as(instant.toString()).isEqualTo(JACKSON.writeValueAsString(instant));
        }
        assertThat(OURS.writeValueAsString(List.of(Instant.EPOCH))).isEqualTo("[\"1970-01-01T00:00:00Z\"]");
    }
}
