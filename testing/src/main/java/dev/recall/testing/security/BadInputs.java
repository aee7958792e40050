package dev.recall.testing.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bad-input corpus for one operation, derived from its OpenAPI declaration: bad values for each path and
 * query parameter, and for JSON bodies a plausible body from the schema broken one way at a time (each field
 * given NUL, a lone surrogate, the wrong type, an empty string, a far-out instant, a huge or negative number,
 * null inside an array), plus bodies broken as a whole (duplicate keys, unknown fields, invalid JSON or UTF-8,
 * deep nesting).
 */
public final class BadInputs {

    /**
     * One request to send. {@code wrongType}: a body field holds a value of another JSON type than the one the
     * operation declares for it ({@code "3"} for a number, {@code 3} for text, {@code 1.5} for a whole number), which
     * must be refused rather than converted.
     */
    public record Case(String label, String method, String target, Map<String, String> headers, byte[] body, boolean wrongType) {
        Case(String label, String method, String target, Map<String, String> headers, byte[] body) {
            this(label, method, target, headers, body, false);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> BAD_PARAMETERS = List.of("%00", "a%00b", "%C3%28", "%ED%A0%80", "%0A", "%7F", "abc",
            "-1", "-2147483649", "99999999999999999999", "0", "%20%20", "..", "%2e%2e%2f%2e%2e", "%27%20OR%201%3D1--",
            "x".repeat(3000), "%E8%A3%85".repeat(400),
            // not a URI at all: a broken escape, characters that must be encoded (Quarkus would answer a bare 400)
            "%zz", "%", "a|b", "{x}", "a\"b", "a\\b", "a^b", "a`b", "<x>");

    private final Operations operations;
    private final Map<String, String> pathValues;
    private final Map<String, Object> bodyValues;

    public BadInputs(Operations operations, Map<String, String> pathValues, Map<String, Object> bodyValues) {
        this.operations = operations;
        this.pathValues = pathValues;
        this.bodyValues = bodyValues;
    }

    public List<Case> cases(Operations.Operation op, Map<String, String> auth) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> json = with(auth, "Content-Type", op.bodyType() == null ? "application/json" : op.bodyType());
        byte[] sampleBody = op.body() == null ? null : bytes(sample(op.body(), "", 0));
        for (Operations.Parameter p : op.parameters()) {
            List<String> values = new ArrayList<>(BAD_PARAMETERS);
            if (p.name().toLowerCase().contains("cursor")) {
                values.addAll(forgedCursors());
            }
            for (String value : values) {
                Map<String, String> headers = p.in().equals("header") ? with(json, p.name(), value) : json;
                cases.add(new Case(p.in() + " " + p.name() + "=" + RawHttp.abbreviate(value), op.method(), target(op, p, value), headers,
                        sampleBody));
            }
        }
        if (op.body() == null || !op.bodyType().contains("json")) {
            if (op.writes() && op.body() != null) {
                cases.add(new Case("body: not what the endpoint reads", op.method(), target(op, null, null), with(auth, "Content-Type", op.bodyType()),
                        new byte[]{(byte) 0xC3, 0x28, 0, 1, 2}));
            }
            return cases;
        }
        String target = target(op, null, null);
        JsonNode sample = sample(op.body(), "", 0);
        for (String broken : List.of("", "{", "[", "null", "\"text\"", "[1,2]", "{'a':1}", "{\"a\":1} {\"b\":2}", "[".repeat(3000) + "]".repeat(3000),
                "{\"a\":" .repeat(1500) + "1" + "}".repeat(1500))) {
            cases.add(new Case("body: " + RawHttp.abbreviate(broken), op.method(), target, json, broken.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(new Case("body: invalid UTF-8", op.method(), target, json, invalidUtf8(sample)));
        cases.add(new Case("body: wrong content type", op.method(), target, with(auth, "Content-Type", "text/plain"), bytes(sample)));
        if (sample instanceof ObjectNode object) {
            ObjectNode unknown = object.deepCopy();
            unknown.put("zzNotAField", 1);
            cases.add(new Case("body: unknown field", op.method(), target, json, bytes(unknown)));
            String text = new String(bytes(object), StandardCharsets.UTF_8);
            Iterator<String> names = object.fieldNames();
            if (names.hasNext()) {
                String first = names.next();
                String duplicate = "{\"" + first + "\":" + object.get(first) + "," + text.substring(1);
                cases.add(new Case("body: duplicate key " + first, op.method(), target, json, duplicate.getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String path : leaves(sample, "")) {
            JsonNode declared = at(sample, path);
            for (Map.Entry<String, JsonNode> bad : badValues(declared).entrySet()) {
                JsonNode mutated = replace(sample.deepCopy(), path, bad.getValue());
                cases.add(new Case("body " + path + ": " + bad.getKey(), op.method(), target, json, bytes(mutated),
                        otherType(declared, bad.getValue())));
            }
        }
        return cases;
    }

    /** The operation as a well-behaved client calls it, with the fixtures. */
    public Case plain(Operations.Operation op, Map<String, String> auth) {
        return new Case("plain", op.method(), target(op, null, null), auth, null);
    }

    private String target(Operations.Operation op, Operations.Parameter bad, String badValue) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (Operations.Parameter p : op.parameters()) {
            String value = p == bad ? badValue : null;
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", value != null ? value : pathValue(op.path(), p.name()));
            } else if (p.in().equals("query") && value != null) {
                query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=').append(value);
            }
        }
        return path + query;
    }

    /** A fixture id for a path parameter: {@code decks.id} for the {id} after /decks/, else the plain name, else a random UUID. */
    private String pathValue(String path, String name) {
        for (Map.Entry<String, String> fixture : pathValues.entrySet()) {
            int dot = fixture.getKey().indexOf('.');
            if (dot > 0 && fixture.getKey().substring(dot + 1).equals(name)
                    && path.contains("/" + fixture.getKey().substring(0, dot) + "/{" + name + "}")) {
                return fixture.getValue();
            }
        }
        return pathValues.getOrDefault(name, UUID.randomUUID().toString());
    }

    private static List<String> forgedCursors() {
        List<String> cursors = new ArrayList<>();
        for (String raw : List.of("search|-5", "notes|-1|x", "x|y|z", "card|\u0000", "\u0000", "|||||", "notes|9999999999999999999999")) {
            cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }
        cursors.add("!!!not-base64!!!");
        cursors.add("A".repeat(5000));
        return cursors;
    }

    /** A plausible value for a schema: required and optional properties, the first enum value, ids from the fixtures. */
    JsonNode sample(JsonNode schema, String name, int depth) {
        schema = operations.resolve(schema);
        if (bodyValues.containsKey(name)) {
            return JSON.valueToTree(bodyValues.get(name));
        }
        if (schema == null || depth > 6) {
            return NODES.nullNode();
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                for (JsonNode option : schema.get(choice)) {
                    JsonNode resolved = operations.resolve(option);
                    if (!"null".equals(resolved.path("type").asText())) {
                        return sample(resolved, name, depth + 1);
                    }
                }
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (schema.has("allOf")) {
                    for (JsonNode part : schema.get("allOf")) {
                        JsonNode merged = sample(part, name, depth + 1);
                        if (merged instanceof ObjectNode o) {
                            object.setAll(o);
                        }
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (!property.getValue().path("readOnly").asBoolean()) {
                        object.set(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(schema.path("items"), name, depth + 1));
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1);
            }
            case "number" -> {
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 0.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                String format = schema.path("format").asText();
                if (format.equals("uuid")) {
                    return NODES.textNode(UUID.randomUUID().toString());
                }
                if (format.equals("date-time")) {
                    return NODES.textNode(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                }
                if (format.equals("date")) {
                    return NODES.textNode("2026-01-31");
                }
                int min = Math.max(1, schema.path("minLength").asInt(1));
                return NODES.textNode(("security " + name + " ").repeat(4).substring(0, Math.max(min, Math.min(20, schema.path("maxLength").asInt(20)))));
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") || schema.has("allOf") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static Map<String, JsonNode> badValues(JsonNode current) {
        Map<String, JsonNode> bad = new java.util.LinkedHashMap<>();
        bad.put("NUL", NODES.textNode("a\u0000b"));
        bad.put("only NUL", NODES.textNode("\u0000"));
        bad.put("lone surrogate", NODES.textNode("a" + LONE_SURROGATE + "b"));
        bad.put("empty string", NODES.textNode(""));
        bad.put("spaces", NODES.textNode("   "));
        bad.put("object", JSON.createObjectNode().put("x", 1));
        bad.put("array", JSON.createArrayNode().add(1));
        bad.put("array with null", JSON.createArrayNode().addNull());
        bad.put("huge integer", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
        bad.put("negative", NODES.numberNode(-1));
        bad.put("min long", NODES.numberNode(Long.MIN_VALUE));
        bad.put("fraction", NODES.numberNode(1.5));
        bad.put("boolean", NODES.booleanNode(false));
        bad.put("far past instant", NODES.textNode("-200000-01-01T00:00:00Z"));
        bad.put("far future instant", NODES.textNode("+200000-01-01T00:00:00Z"));
        bad.put("instant without zone", NODES.textNode("2026-01-01T00:00:00"));
        bad.put("long text", NODES.textNode("x".repeat(200_000)));
        bad.put("number as text", NODES.textNode("abc"));
        if (current != null && current.isArray()) {
            bad.put("many elements", JSON.valueToTree(java.util.Collections.nCopies(20_000, "x")));
        }
        return bad;
    }

    /** True when {@code bad} is of another JSON type than the {@code declared} sample (made from the field's schema). */
    static boolean otherType(JsonNode declared, JsonNode bad) {
        if (declared == null || declared.isNull() || declared.isMissingNode() || bad.isNull()) {
            return false;
        }
        if (declared.isTextual()) {
            return !bad.isTextual();
        }
        if (declared.isIntegralNumber()) {
            return !bad.isIntegralNumber();
        }
        if (declared.isNumber()) {
            return !bad.isNumber();
        }
        return declared.getNodeType() != bad.getNodeType();
    }

    private static List<String> leaves(JsonNode node, String path) {
        List<String> paths = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                String child = path.isEmpty() ? name : path + "." + name;
                paths.add(child);
                if (object.get(name).isContainerNode() && child.split("\\.").length < 3) {
                    paths.addAll(leaves(object.get(name), child));
                }
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            paths.add(path + ".0");
        }
        return paths;
    }

    private static JsonNode at(JsonNode node, String path) {
        for (String part : path.split("\\.")) {
            node = node.isArray() ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node;
    }

    private static JsonNode replace(JsonNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.isArray() ? parent.path(Integer.parseInt(parts[i])) : parent.path(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a && a.size() > Integer.parseInt(last)) {
            a.set(Integer.parseInt(last), value);
        }
        return root;
    }

    private static byte[] invalidUtf8(JsonNode sample) {
        byte[] text = bytes(NODES.objectNode().put("zz", "@@").setAll(sample instanceof ObjectNode o ? o : NODES.objectNode()));
        for (int i = 0; i + 1 < text.length; i++) {
            if (text[i] == '@' && text[i + 1] == '@') {
                text[i] = (byte) 0xC3;
                text[i + 1] = 0x28;
                break;
            }
        }
        return text;
    }

    /** Stands for an escaped lone surrogate, which no JSON writer will produce itself. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).replace(LONE_SURROGATE, "\\ud800").getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}
