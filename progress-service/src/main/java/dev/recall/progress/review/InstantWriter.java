package dev.recall.progress.review;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes instants exactly as {@link Instant#toString()} (ISO-8601 in UTC, the fraction in groups of three digits as
 * needed), which is what Jackson's own serializer writes, without going through {@code DateTimeFormatter}: a page of
 * the due queue writes 250 instants (each card's due and its four previews'), and formatting them was 12% of
 * progress-service's allocation there (a StringBuilder, a LocalDateTime and a String each). Years outside
 * 0000-9999 (which {@code toString} writes with a sign) are left to {@code toString}.
 */
@Singleton
public class InstantWriter implements ObjectMapperCustomizer {

    /** Last, after Quarkus has registered JavaTimeModule, so that this serializer is the one found. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("recall-instant-writer").addSerializer(Instant.class, new Serializer()));
    }

    static final class Serializer extends StdSerializer<Instant> {

        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                InstantSerializer.INSTANCE.serialize(value, json, provider);
                return;
            }
            char[] text = new char[30];
            int length = format(value, text);
            if (length < 0) {
                json.writeString(value.toString());
            } else {
                json.writeString(text, 0, length);
            }
        }
    }

    /** Writes {@code instant} as {@link Instant#toString()} does into {@code out} (30 chars), or returns -1 outside years 0-9999. */
    static int format(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9_999) {
            return -1;
        }
        int at = digits(out, 0, (int) year, 4);
        out[at++] = '-';
        at = digits(out, at, month, 2);
        out[at++] = '-';
        at = digits(out, at, day, 2);
        out[at++] = 'T';
        at = digits(out, at, secondOfDay / 3_600, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano != 0) {
            out[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(out, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(out, at, nano / 1_000, 6);
            } else {
                at = digits(out, at, nano, 9);
            }
        }
        out[at++] = 'Z';
        return at;
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
