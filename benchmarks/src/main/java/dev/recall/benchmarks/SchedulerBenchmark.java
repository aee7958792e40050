package dev.recall.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.progress.scheduler.CardState;
import dev.recall.progress.scheduler.Fsrs;
import dev.recall.progress.scheduler.Rating;
import dev.recall.progress.scheduler.SchedulerOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One FSRS review step, over every step of the ts-fsrs vector file (the same inputs
 * {@code benchmarks/node/fsrs-baseline.mjs} times ts-fsrs on). Run from the project root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchedulerBenchmark {

    /** Steps timed per invocation; the vector file has more, the first STEPS are used. */
    static final int STEPS = 10_000;

    record Input(Fsrs fsrs, CardState card, Instant at, Rating rating) {
    }

    private Input[] inputs;

    @Setup
    public void load() throws IOException {
        Path file = Path.of(System.getProperty("vectors", "progress-scheduler/src/test/resources/fsrs-vectors.json"));
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<Input> list = new ArrayList<>();
        for (JsonNode sequence : root.get("sequences")) {
            Fsrs fsrs = new Fsrs(options(sequence.get("options")));
            CardState card = CardState.newCard(Instant.ofEpochMilli(sequence.get("start").asLong()));
            for (JsonNode step : sequence.get("steps")) {
                Instant at = Instant.ofEpochMilli(step.get("at").asLong());
                Rating rating = Rating.of(step.get("rating").asInt());
                list.add(new Input(fsrs, card, at, rating));
                card = fsrs.next(card, at, rating);
            }
        }
        if (list.size() < STEPS) {
            throw new IllegalStateException("the vector file has only " + list.size() + " steps");
        }
        inputs = list.subList(0, STEPS).toArray(Input[]::new);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void reviewStep(Blackhole sink) {
        for (Input input : inputs) {
            sink.consume(input.fsrs().next(input.card(), input.at(), input.rating()));
        }
    }

    static SchedulerOptions options(JsonNode json) {
        double[] w = new double[21];
        for (int i = 0; i < 21; i++) {
            w[i] = json.get("w").get(i).asDouble();
        }
        return new SchedulerOptions(w, json.get("request_retention").asDouble(), json.get("maximum_interval").asInt(),
                steps(json.get("learning_steps")), steps(json.get("relearning_steps")),
                json.get("enable_short_term").asBoolean(), json.get("enable_fuzz").asBoolean());
    }

    private static List<Duration> steps(JsonNode steps) {
        List<Duration> result = new ArrayList<>();
        for (JsonNode step : steps) {
            String text = step.asText();
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            char unit = text.charAt(text.length() - 1);
            result.add(unit == 'm' ? Duration.ofMinutes(amount) : unit == 'h' ? Duration.ofHours(amount) : Duration.ofDays(amount));
        }
        return result;
    }
}
