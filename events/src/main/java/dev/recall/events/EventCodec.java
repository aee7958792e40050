package dev.recall.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.UUID;

/** Writes and reads Recall's CloudEvents as structured-mode JSON. Thread-safe. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Wraps {@code data} in a new envelope with a fresh id, outside any trace. */
    public static CloudEvent envelope(String source, String subject, String tenant, EventData data, Instant time) {
        return envelope(source, subject, tenant, data, time, null, null);
    }

    /** Wraps {@code data} in a new envelope with a fresh id, in the trace {@code traceparent} (W3C; may be null). */
    public static CloudEvent envelope(String source, String subject, String tenant, EventData data, Instant time,
                                      String traceparent, String tracestate) {
        EventType type = EventType.of(data);
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type.ceType(),
                subject, time, "application/json", type.dataSchema(), tenant, traceparent, tracestate, MAPPER.valueToTree(data));
    }

    public static String toJson(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    /** Parses an envelope; throws {@link MalformedEventException} for anything that is not one. */
    public static CloudEvent parse(String json) {
        try {
            CloudEvent event = MAPPER.readValue(json, CloudEvent.class);
            if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
                throw new MalformedEventException("unsupported specversion " + event.specversion());
            }
            if (event.data() == null || event.data().isNull()) {
                throw new MalformedEventException("event " + event.id() + " has no data");
            }
            return event;
        } catch (JsonProcessingException | NullPointerException | IllegalArgumentException e) {
            throw new MalformedEventException("not a CloudEvent: " + e.getMessage(), e);
        }
    }

    /** The typed data of an envelope. */
    public static EventData data(CloudEvent event) {
        EventType type = EventType.ofCeType(event.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + event.type()));
        try {
            return MAPPER.treeToValue(event.data(), type.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("bad data for " + event.type() + ": " + e.getMessage(), e);
        }
    }
}
