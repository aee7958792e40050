package dev.recall.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code tenant} is an extension attribute
 * so a consumer can scope an event before it reads the data; {@code subject} is the aggregate
 * id, which is also the Kafka record key; {@code dataschema} names the JSON Schema of {@code data}.
 * {@code traceparent} and {@code tracestate} are the CloudEvents distributed-tracing extension: the trace
 * of the request or event that caused this one (null when there was none). Other extension attributes a
 * producer adds are allowed by the schema and ignored when read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String tenant,
        String traceparent,
        String tracestate,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }
}
