package dev.recall.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Measures how long a new note takes to become due cards: POST the note to content-service, then poll
 * progress-service until the learner's queue holds both of its cards (content → Kafka → quiz → Kafka →
 * progress). The learner follows a tag every probe note carries, so no enrolment call is in the timing.
 */
public final class NoteToDueProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Between two looks at quiz-service's items and progress-service's queue: the latencies are this much too high
     * at most. Much more often (it was 2 and 5 ms) the probe's own requests take a fair share of a cold service's
     * two cores away from the note it is waiting for.
     */
    private static final long POLL_MILLIS = 10;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Milliseconds from note POST until quiz-service lists the note's items, per run, sorted (filled by run). */
    public final List<Double> itemLatencies = new ArrayList<>();

    /** Runs {@code runs} probes; returns each latency (note POST to both cards due) in milliseconds, sorted. */
    public List<Double> run(int runs, String contentUrl, String quizUrl, String progressUrl, String authorToken, String learnerToken) throws Exception {
        String tag = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        // The probe adds 2 new cards per run: lift the learner's new-cards-per-day cap so all of them show.
        send("PUT", progressUrl + "/api/v1/settings", learnerToken, Map.of("timeZone", "UTC", "dayStartHour", 4,
                "newCardsPerDay", 9999, "reviewsPerDay", 9999, "desiredRetention", 0.9, "maximumInterval", 36500,
                "learningSteps", List.of("1m", "10m"), "relearningSteps", List.of("10m"), "enableShortTerm", true, "enableFuzz", false));
        send("POST", progressUrl + "/api/v1/enrollments", learnerToken, Map.of("kind", "tag", "target", tag));
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String markdown = "# Probe " + i + "\n\nWhat does probe " + i + " measure?::note to due latency\n"
                    + "Which service schedules probe " + i + "?::progress-service\n";
            long start = System.nanoTime();
            JsonNode note = send("POST", contentUrl + "/api/v1/notes", authorToken,
                    Map.of("title", "Probe " + i, "markdown", markdown, "tags", List.of(tag), "visibility", "tenant"));
            String noteId = note.path("id").asText();
            if (i == 0) {
                firstPost = (System.nanoTime() - start) / 1e6;
            }
            while (send("GET", quizUrl + "/api/v1/items?note=" + noteId, learnerToken, null).path("items").size() < 2) {
                if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("note " + noteId + " had no items after 60 s");
                }
                Thread.sleep(POLL_MILLIS);
            }
            itemLatencies.add((System.nanoTime() - start) / 1e6);
            while (true) {
                JsonNode due = send("GET", progressUrl + "/api/v1/reviews/due?limit=200", learnerToken, null);
                long cards = 0;
                for (JsonNode card : due) {
                    if (noteId.equals(card.path("noteId").asText())) {
                        cards++;
                    }
                }
                if (cards == 2) {
                    break;
                }
                if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("note " + noteId + " had no due cards after 60 s");
                }
                Thread.sleep(POLL_MILLIS);
            }
            latencies.add((System.nanoTime() - start) / 1e6);
        }
        firstDue = latencies.get(0);
        firstItems = itemLatencies.get(0);
        Collections.sort(latencies);
        Collections.sort(itemLatencies);
        return latencies;
    }

    private double firstDue;
    private double firstItems;
    private double firstPost;

    /** How long content-service took to answer the first note's POST (part of the first run's latencies). */
    public double firstPostLatency() {
        return firstPost;
    }

    /** The first run's latencies: the first note after a start, which waits for whatever is still cold. */
    public double firstDueLatency() {
        return firstDue;
    }

    public double firstItemLatency() {
        return firstItems;
    }

    public static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private JsonNode send(String method, String url, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
