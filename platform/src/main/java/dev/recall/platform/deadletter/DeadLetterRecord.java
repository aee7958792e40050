package dev.recall.platform.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recall.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One parked message as an operator sees it: where it sits, why it was parked, where it came from, and
 * enough of it to decide whether to replay it.
 *
 * @param value the record's value, cut to {@link #PREVIEW_CHARS} characters ({@code truncated} says so)
 */
public record DeadLetterRecord(
        int partition,
        long offset,
        String key,
        Instant timestamp,
        String reason,
        String cause,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String eventId,
        String eventType,
        String tenant,
        String value,
        boolean truncated) {

    static final int PREVIEW_CHARS = 4_096;

    /** The record with what its dead-letter headers say and, when its value is an event, the event's id, type and tenant. */
    static DeadLetterRecord of(ConsumerRecord<String, String> record) {
        String value = record.value();
        String eventId = null;
        String type = null;
        String tenant = null;
        if (value != null) {
            try {
                JsonNode node = EventCodec.mapper().readTree(value);
                eventId = text(node, "id");
                type = text(node, "type");
                tenant = text(node, "tenant");
            } catch (Exception notJson) {
                // a record that is not even JSON: the reason says so
            }
        }
        boolean truncated = value != null && value.length() > PREVIEW_CHARS;
        Long originalPartition = number(header(record, "dead-letter-partition"));
        return new DeadLetterRecord(record.partition(), record.offset(), record.key(), Instant.ofEpochMilli(record.timestamp()),
                header(record, "dead-letter-reason"), header(record, "dead-letter-cause"), originalTopic(record),
                originalPartition == null ? null : originalPartition.intValue(),
                number(header(record, "dead-letter-offset")), eventId, type, tenant,
                truncated ? value.substring(0, PREVIEW_CHARS) : value, truncated);
    }

    /** The topic the record was parked from: its header, else the dead-letter topic's name without {@code .dlq}. */
    static String originalTopic(ConsumerRecord<String, String> record) {
        String header = header(record, "dead-letter-topic");
        if (header != null && !header.isBlank()) {
            return header;
        }
        String topic = record.topic();
        return topic.endsWith(".dlq") ? topic.substring(0, topic.length() - ".dlq".length()) : topic;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
