package dev.recall.events;

/** Kafka topic names. The suffix is the schema version: an incompatible change gets a new topic. */
public final class Topics {
    public static final String NOTES = "content.notes.v1";
    public static final String ITEMS = "quiz.items.v1";
    public static final String ANSWERS = "quiz.answers.v1";
    public static final String REVIEWS = "progress.reviews.v1";

    /** Where a consumer parks a message it cannot apply, with the reason in the record headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
