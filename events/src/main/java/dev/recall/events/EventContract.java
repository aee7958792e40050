package dev.recall.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a serialised event against the published JSON Schemas: the envelope and the data of its type.
 * Producers and consumers call it in their contract tests (needs com.networknt:json-schema-validator).
 */
public final class EventContract {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** Returns the violations, empty when the event conforms. */
    public static List<String> violations(String eventJson) {
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(eventJson);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        schema("/schemas/CloudEvent.json").validate(node).stream().map(ValidationMessage::getMessage).forEach(problems::add);
        String type = node.path("type").asText();
        EventType.ofCeType(type).ifPresentOrElse(
                t -> schema(t.schemaResource()).validate(node.path("data")).stream()
                        .map(m -> "data: " + m.getMessage()).forEach(problems::add),
                () -> problems.add("unknown type " + type));
        return problems;
    }

    private static JsonSchema schema(String resource) {
        return SCHEMAS.computeIfAbsent(resource, r -> {
            try (InputStream in = EventContract.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + r);
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
