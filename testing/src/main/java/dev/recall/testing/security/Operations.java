package dev.recall.testing.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The API operations a service's OpenAPI document declares, with their parameters and JSON body schema. */
public final class Operations {

    public record Parameter(String name, String in, JsonNode schema) {
    }

    public record Operation(String method, String path, List<Parameter> parameters, JsonNode body, String bodyType) {
        public boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;

    private Operations(JsonNode document) {
        this.document = document;
    }

    public static Operations parse(String openApiJson) {
        try {
            return new Operations(new ObjectMapper().readTree(openApiJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation under {@code /api/}. */
    public List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : method.getValue().path("parameters")) {
                    JsonNode resolved = resolve(p);
                    parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(), resolve(resolved.path("schema"))));
                }
                JsonNode content = method.getValue().path("requestBody").path("content");
                String bodyType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                JsonNode body = bodyType == null ? null : resolve(content.path(bodyType).path("schema"));
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, body, bodyType));
            }
        }
        return operations;
    }

    /** Follows a local {@code $ref}; other nodes come back as they are. */
    public JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 20; hops++) {
            String ref = node.get("$ref").asText();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }
}
