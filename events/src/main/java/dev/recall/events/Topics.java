package dev.recall.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * Kafka topic names and sizes. The suffix is the schema version: an incompatible change gets a new topic.
 * The local broker, the tests' broker and the Strimzi {@code KafkaTopic}s create exactly these, with
 * {@link #PARTITIONS} partitions and {@link #MAX_MESSAGE_BYTES}, before any service starts.
 */
public final class Topics {
    public static final String NOTES = "content.notes.v1";
    public static final String ITEMS = "quiz.items.v1";
    public static final String ANSWERS = "quiz.answers.v1";
    public static final String REVIEWS = "progress.reviews.v1";

    /** The largest event, in bytes of UTF-8 JSON ({@code recall.events.max-bytes}); larger writes are refused with 413. */
    public static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;

    /**
     * Producer {@code max.request.size}, broker {@code message.max.bytes}, topic {@code max.message.bytes}
     * and the consumers' fetch sizes: the largest event plus room for headers and batch framing.
     */
    public static final int MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

    /** Partitions per topic: at least the most replicas any consumer deployment runs (6). */
    public static final int PARTITIONS = 6;

    /** Every event topic. */
    public static final List<String> EVENT_TOPICS = List.of(NOTES, ITEMS, ANSWERS, REVIEWS);

    /** Every topic Recall uses: the event topics and their dead-letter topics. */
    public static List<String> all() {
        return EVENT_TOPICS.stream().flatMap(t -> Stream.of(t, deadLetter(t))).toList();
    }

    /** Where a consumer parks a message it cannot apply, with the reason in the record headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
