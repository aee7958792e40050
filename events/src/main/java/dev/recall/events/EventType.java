package dev.recall.events;

import java.util.Arrays;
import java.util.Optional;

/** Every event Recall publishes: the CloudEvents type, its topic and the record that carries its data. */
public enum EventType {
    NOTE_PUBLISHED("dev.recall.content.NotePublished", Topics.NOTES, NoteEvents.NotePublished.class),
    NOTE_UPDATED("dev.recall.content.NoteUpdated", Topics.NOTES, NoteEvents.NoteUpdated.class),
    NOTE_DELETED("dev.recall.content.NoteDeleted", Topics.NOTES, NoteEvents.NoteDeleted.class),
    ITEMS_UPSERTED("dev.recall.quiz.ItemsUpserted", Topics.ITEMS, ItemEvents.ItemsUpserted.class),
    ITEMS_RETIRED("dev.recall.quiz.ItemsRetired", Topics.ITEMS, ItemEvents.ItemsRetired.class),
    ANSWER_GRADED("dev.recall.quiz.AnswerGraded", Topics.ANSWERS, AnswerGraded.class),
    REVIEW_RECORDED("dev.recall.progress.ReviewRecorded", Topics.REVIEWS, ReviewRecorded.class);

    /** Where the schemas are published; each schema's {@code $id} is this plus its file name. */
    public static final String SCHEMA_BASE = "https://recall.dev/schemas/";

    private final String ceType;
    private final String topic;
    private final Class<? extends EventData> dataClass;

    EventType(String ceType, String topic, Class<? extends EventData> dataClass) {
        this.ceType = ceType;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** The JSON Schema of this event's data, a classpath resource of this module. */
    public String schemaResource() {
        return "/schemas/" + ceType.substring(ceType.lastIndexOf('.') + 1) + ".json";
    }

    /** The CloudEvents {@code dataschema} of this event: the {@code $id} of {@link #schemaResource()}. */
    public String dataSchema() {
        return SCHEMA_BASE + schemaResource().substring("/schemas/".length());
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(EventData data) {
        return Arrays.stream(values()).filter(t -> t.dataClass == data.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + data.getClass()));
    }
}
