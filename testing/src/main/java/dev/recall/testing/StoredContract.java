package dev.recall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.launchers.ProjectRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The OpenAPI documents committed in {@code contract/openapi/} are what the services serve: the TypeScript client
 * is generated from them and {@code contract/lint.sh} lints them, so a service's test compares its served document
 * with the stored one. {@code RECALL_CONTRACT_UPDATE=true} makes that test write the served document instead.
 */
public final class StoredContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 25;

    private StoredContract() {
    }

    public static Path path(String service) {
        return ProjectRoot.find().resolve("contract").resolve("openapi").resolve(service + ".json");
    }

    /** Where the served document differs from the stored one (JSON pointers, at most 25); empty when they agree. */
    public static List<String> check(String service, String served) {
        Path stored = path(service);
        try {
            List<String> found = Files.exists(stored)
                    ? differences(JSON.readTree(Files.readString(stored)), JSON.readTree(served))
                    : List.of("(no " + stored + ")");
            // Rewritten only when it differs: the server orders members its own way, which would make noisy diffs.
            if (!found.isEmpty() && "true".equals(System.getenv("RECALL_CONTRACT_UPDATE"))) {
                Files.writeString(stored, served.endsWith("\n") ? served : served + "\n", StandardCharsets.UTF_8);
                return List.of();
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths at which {@code actual} differs from {@code expected}: members added, missing or changed. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        walk("", expected, actual, found);
        return found;
    }

    private static void walk(String at, JsonNode expected, JsonNode actual, List<String> found) {
        if (found.size() >= SHOWN || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    found.add(child + " added");
                } else if (!actual.has(name)) {
                    found.add(child + " missing");
                } else {
                    walk(child, expected.get(name), actual.get(name), found);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                walk(at + "/" + i, expected.get(i), actual.get(i), found);
            }
        } else {
            found.add(at + " changed: " + abbreviated(expected) + " -> " + abbreviated(actual));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
