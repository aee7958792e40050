package dev.recall.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.progress.scheduler.CardState;
import dev.recall.progress.scheduler.Fsrs;
import dev.recall.progress.scheduler.Rating;
import dev.recall.progress.scheduler.SchedulerOptions;
import dev.recall.progress.scheduler.Steps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One FSRS review step ({@link Fsrs#next}), cycling over every step of the first 1,000 pre-generated sequences of
 * the ts-fsrs vector file: the same inputs {@code benchmarks/node/fsrs-baseline.mjs} times ts-fsrs 5.4.2 on.
 * Run from the project root (or pass {@code -Dvectors=/path/to/fsrs-vectors.json}):
 * {@code java -jar benchmarks/target/benchmarks.jar SchedulerBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchedulerBenchmark {

    static final int SEQUENCES = 1_000;

    /** A card before a review, with the scheduler (options) of its sequence, the review time and the rating. */
    record Input(Fsrs fsrs, CardState card, Instant at, Rating rating) {
    }

    private Input[] inputs;
    private int next;

    @Setup
    public void load() throws IOException {
        Path file = Path.of(System.getProperty("vectors", "progress-scheduler/src/test/resources/fsrs-vectors.json"));
        JsonNode sequences = new ObjectMapper().readTree(Files.readString(file)).get("sequences");
        if (sequences.size() < SEQUENCES) {
            throw new IllegalStateException(file + " has only " + sequences.size() + " sequences");
        }
        List<Input> list = new ArrayList<>();
        for (int i = 0; i < SEQUENCES; i++) {
            JsonNode sequence = sequences.get(i);
            Fsrs fsrs = new Fsrs(options(sequence.get("options")));
            CardState card = CardState.newCard(Instant.ofEpochMilli(sequence.get("start").asLong()));
            for (JsonNode step : sequence.get("steps")) {
                Instant at = Instant.ofEpochMilli(step.get("at").asLong());
                Rating rating = Rating.of(step.get("rating").asInt());
                list.add(new Input(fsrs, card, at, rating));
                card = fsrs.next(card, at, rating);
            }
        }
        inputs = list.toArray(Input[]::new);
    }

    /** One review step per operation; returning the card keeps the JIT from discarding the work. */
    @Benchmark
    public CardState reviewStep() {
        Input input = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return input.fsrs().next(input.card(), input.at(), input.rating());
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

    /** ts-fsrs step strings: a whole number and a unit, m, h or d. */
    private static List<Duration> steps(JsonNode steps) {
        List<Duration> result = new ArrayList<>();
        for (JsonNode step : steps) {
            result.add(Steps.parse(step.asText()));
        }
        return result;
    }
}
