package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Validates custom resources against the {@code openAPIV3Schema} of their CustomResourceDefinition, the way an
 * API server with strict field validation ({@code kubectl apply --validate=strict}) does: types, enums, required
 * fields, patterns and bounds, and unknown fields refused wherever the schema does not say
 * {@code x-kubernetes-preserve-unknown-fields}. CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
final class CrdSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false) // int32/int64/quantity formats are advisory in CRDs
            .build();

    /** Keywords of a CRD structural schema that have no JSON Schema meaning and are dropped. */
    private static final Set<String> DROPPED = Set.of("description", "format", "default", "example", "externalDocs",
            "nullable", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
            "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type");

    private final Map<Manifests.Kind, JsonSchema> schemas;
    private final Map<Manifests.Kind, String> sources;

    private CrdSchemas(Map<Manifests.Kind, JsonSchema> schemas, Map<Manifests.Kind, String> sources) {
        this.schemas = schemas;
        this.sources = sources;
    }

    /** Every served version of every CRD in the *.yaml files below {@code dir}. */
    static CrdSchemas load(Path dir) {
        Map<Manifests.Kind, JsonSchema> schemas = new LinkedHashMap<>();
        Map<Manifests.Kind, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : Manifests.parse(Files.readString(file))) {
                    if (!"CustomResourceDefinition".equals(doc.path("kind").asText())) {
                        continue;
                    }
                    String group = doc.path("spec").path("group").asText();
                    String kind = doc.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : doc.path("spec").path("versions")) {
                        if (!version.path("served").asBoolean(false)) {
                            continue;
                        }
                        JsonNode openApi = version.path("schema").path("openAPIV3Schema");
                        if (!openApi.isObject()) {
                            throw new IllegalStateException(file + ": " + kind + " " + version.path("name").asText() + " has no schema");
                        }
                        Manifests.Kind key = new Manifests.Kind(group + "/" + version.path("name").asText(), kind);
                        schemas.put(key, FACTORY.getSchema(toJsonSchema(openApi, true), CONFIG));
                        sources.put(key, dir.relativize(file).toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdSchemas(schemas, sources);
    }

    boolean knows(Manifests.Kind kind) {
        return schemas.containsKey(kind);
    }

    Set<Manifests.Kind> kinds() {
        return schemas.keySet();
    }

    Optional<String> source(Manifests.Kind kind) {
        return Optional.ofNullable(sources.get(kind));
    }

    /** Schema violations of one object, as "path: message"; empty when valid. */
    List<String> validate(JsonNode object) {
        JsonSchema schema = schemas.get(Manifests.Kind.of(object));
        if (schema == null) {
            return List.of("no CRD schema for " + Manifests.Kind.of(object));
        }
        Set<String> messages = new TreeSet<>();
        for (ValidationMessage m : schema.validate(object)) {
            messages.add(m.getMessage());
        }
        return new ArrayList<>(messages);
    }

    /**
     * A CRD structural schema as JSON Schema. Objects with listed properties refuse others (strict field
     * validation) unless they preserve unknown fields; int-or-string and nullable become their JSON Schema forms.
     */
    static JsonNode toJsonSchema(JsonNode structural, boolean root) {
        if (!structural.isObject()) {
            return structural;
        }
        ObjectNode out = JSON.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = structural.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (DROPPED.contains(key)) {
                continue;
            }
            switch (key) {
                case "properties", "patternProperties" -> {
                    ObjectNode props = JSON.objectNode();
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), toJsonSchema(p.getValue(), false)));
                    out.set(key, props);
                }
                case "items", "additionalProperties", "not" -> out.set(key, toJsonSchema(value, false));
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode list = JSON.arrayNode();
                    value.forEach(v -> list.add(toJsonSchema(v, false)));
                    out.set(key, list);
                }
                default -> out.set(key, value.deepCopy());
            }
        }
        boolean preserveUnknown = structural.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (structural.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            out.set("anyOf", JSON.arrayNode().add(JSON.objectNode().put("type", "integer")).add(JSON.objectNode().put("type", "string")));
        }
        if (structural.path("nullable").asBoolean(false) && out.has("type")) {
            out.set("type", JSON.arrayNode().add(out.get("type").asText()).add("null"));
        }
        if (structural.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            ObjectNode props = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
            props.putIfAbsent("apiVersion", JSON.objectNode().put("type", "string"));
            props.putIfAbsent("kind", JSON.objectNode().put("type", "string"));
            props.putIfAbsent("metadata", JSON.objectNode().put("type", "object"));
        }
        if (root) {
            // apiVersion, kind and metadata are the API server's; metadata is checked as ObjectMeta elsewhere.
            ObjectNode props = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
            props.putIfAbsent("apiVersion", JSON.objectNode().put("type", "string"));
            props.putIfAbsent("kind", JSON.objectNode().put("type", "string"));
            props.set("metadata", JSON.objectNode().put("type", "object"));
        }
        if (out.has("properties") && !out.has("additionalProperties") && !preserveUnknown) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
