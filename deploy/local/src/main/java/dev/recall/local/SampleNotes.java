package dev.recall.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads {@code samples/notes/*.md} through the public API, as an author would, and enrols a learner in
 * each note. Idempotency keys make a second start load nothing twice.
 */
final class SampleNotes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A sample note: front matter (title, tags) and the Markdown body after it. */
    record Sample(String file, String title, List<String> tags, String body) {
    }

    static List<Sample> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .map(SampleNotes::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sample parse(Path file) {
        try {
            String text = Files.readString(file).replace("\r\n", "\n");
            Map<String, String> front = new LinkedHashMap<>();
            String body = text;
            if (text.startsWith("---\n")) {
                int end = text.indexOf("\n---", 4);
                if (end > 0) {
                    for (String line : text.substring(4, end).split("\n")) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            front.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                        }
                    }
                    body = text.substring(text.indexOf('\n', end + 1) + 1);
                }
            }
            String name = file.getFileName().toString().replaceFirst("\\.md$", "");
            String title = unquote(front.getOrDefault("title", name));
            List<String> tags = new ArrayList<>();
            String rawTags = front.getOrDefault("tags", "").replaceAll("^\\[|]$", "");
            for (String tag : rawTags.split(",")) {
                if (!unquote(tag.strip()).isEmpty()) {
                    tags.add(unquote(tag.strip()));
                }
            }
            return new Sample(name, title, tags, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String value) {
        return value.replaceAll("^[\"']|[\"']$", "");
    }

    /** Posts every sample as the author (visible to the tenant) and enrols the learner; returns the note ids. */
    List<String> load(List<Sample> samples, String contentUrl, String progressUrl, String authorToken, String learnerToken) {
        List<String> ids = new ArrayList<>();
        for (Sample sample : samples) {
          try {
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("title", sample.title());
            note.put("markdown", sample.body());
            note.put("tags", sample.tags());
            note.put("visibility", "tenant");
            // The key names the content too: an edited sample is loaded as a new note, an unchanged one never twice.
            String key = "sample-" + sample.file() + "-" + Integer.toHexString((sample.title() + sample.tags() + sample.body()).hashCode());
            JsonNode created = post(contentUrl + "/api/v1/notes", authorToken, note, key);
            String id = created.path("id").asText();
            ids.add(id);
            post(progressUrl + "/api/v1/enrollments", learnerToken, Map.of("kind", "note", "target", id), null);
          } catch (RuntimeException e) {
            LocalStack.log("sample " + sample.file() + " not loaded: " + e.getMessage());
          }
        }
        return ids;
    }

    private JsonNode post(String url, String token, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
