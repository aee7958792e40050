package dev.recall.local;

import dev.recall.launchers.ProjectRoot;
import dev.recall.launchers.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Trains each service's JDK 25 AOT cache on this build: starts the stack once with {@code -XX:AOTCacheOutput}
 * (free ports, fresh {@code *_aot} databases, its own broker), sends it what a user's first minute sends (note
 * creates that travel to quiz and progress, the sample notes, reads, a search), stops it, and keeps the caches the
 * JVMs wrote on exit as {@code trained.aot} next to each app. Quarkus's own cache ({@code app.aot}) holds only the
 * classes of its build-time start; a trained one also holds the start's runtime part (Hibernate Reactive, the
 * Kafka clients, Vert.x) and the first requests' classes with their method profiles.
 *
 * <p>Run by {@code deploy/local/run.sh} and {@code benchmarks/run.sh} after their build; it does nothing when every
 * cache is newer than its app (about a minute otherwise). A cache the JVM finds stale is refused by the JVM
 * itself (a warning and a start without it), so a missed retraining costs start time, never correctness.
 */
public final class AotTraining {

    /** The cache a training run leaves next to each app, read with {@code -XX:AOTCache}. */
    static final String CACHE = "trained.aot";
    /** Where the training JVM writes its cache on exit; renamed to {@link #CACHE} once the JVM is gone. */
    static final String OUTPUT = "trained.aot.new";
    /** Writing a cache of ~150 MB takes a training JVM 10-20 s after its shutdown, three at once on two cores. */
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(3);

    private AotTraining() {
    }

    public static void main(String[] args) {
        try {
            train();
        } catch (Exception e) {
            // Never in the way of a start: without a trained cache the services start with the build's.
            LocalStack.log("training the AOT caches failed (" + e + "); the services start with the build's cache");
        }
    }

    private static void train() throws Exception {
        if (Runtime.version().feature() < 25) {
            LocalStack.log("no AOT cache to train on JDK " + Runtime.version().feature() + " (JDK 25 or newer)");
            return;
        }
        Path root = ProjectRoot.find();
        List<Path> apps = Stream.of(Service.values()).map(s -> root.resolve(s.module).resolve("target/quarkus-app")).toList();
        if (apps.stream().allMatch(AotTraining::isCurrent)) {
            return;
        }
        long started = System.nanoTime();
        LocalStack.log("training the services' AOT caches on this build (once per build, about a minute)…");
        for (Path app : apps) {
            Files.deleteIfExists(app.resolve(OUTPUT));
        }
        System.setProperty("recall.quick-start", "true");
        System.setProperty("recall.aot-training", "true");
        Path state = root.resolve(".local/aot-training");
        Path keys = DevKeys.ensure(state.resolve("jwt"));
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(state, "_aot", true, false, keys.resolve("publicKey.pem")))) {
            workload(stack, Tokens.fromPem(keys.resolve("privateKey.pem")), root);
            stopAndWait(stack);
        } finally {
            System.clearProperty("recall.aot-training");
        }
        int trained = 0;
        for (Path app : apps) {
            Path output = app.resolve(OUTPUT);
            if (Files.exists(output) && Files.size(output) > 0) {
                Files.move(output, app.resolve(CACHE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                trained++;
            } else {
                LocalStack.log("no AOT cache came out of " + app.getParent().getParent().getFileName() + "'s training run; it starts with the build's cache");
            }
        }
        LocalStack.log(String.format("trained %d AOT caches in %.0f s", trained, (System.nanoTime() - started) / 1e9));
    }

    /** A trained cache made after every file of this build of the app (a rebuild makes it stale). */
    static boolean isCurrent(Path app) {
        Path cache = app.resolve(CACHE);
        if (!Files.exists(cache)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(app)) {
            FileTime trained = Files.getLastModifiedTime(cache);
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("trained.aot"))
                    .allMatch(f -> lastModified(f).compareTo(trained) < 0);
        } catch (IOException e) {
            return false;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the first minute of a user's stack does: notes that become items and due cards, the samples, reads, search. */
    private static void workload(LocalStack stack, Tokens tokens, Path root) throws Exception {
        String tenant = "aot-training";
        String author = tokens.token(tenant, "author-1", Duration.ofHours(1), "author", "learner");
        String learner = tokens.token(tenant, "learner-" + UUID.randomUUID(), Duration.ofHours(1), "learner");
        new NoteToDueProbe().run(20, stack.url(Service.CONTENT), stack.url(Service.QUIZ), stack.url(Service.PROGRESS), author, learner);
        new SampleNotes().load(SampleNotes.read(root.resolve("samples/notes")), stack.url(Service.CONTENT), stack.url(Service.PROGRESS),
                author, learner);
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of(
                stack.url(Service.CONTENT) + "/api/v1/notes?limit=20",
                stack.url(Service.CONTENT) + "/api/v1/search?limit=20&q=" + URLEncoder.encode("garbage collection", StandardCharsets.UTF_8),
                stack.url(Service.CONTENT) + "/api/v1/search?limit=20&q=" + URLEncoder.encode("装饰器", StandardCharsets.UTF_8),
                stack.url(Service.PROGRESS) + "/api/v1/reviews/due?limit=50")) {
            for (int i = 0; i < 5; i++) {
                http.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", "Bearer " + (path.contains("reviews") ? learner : author))
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    /** Asks every service to stop at once and waits until each JVM has written its cache and exited. */
    private static void stopAndWait(LocalStack stack) throws InterruptedException {
        List<Process> processes = Stream.of(Service.values()).map(s -> stack.service(s).process()).toList();
        processes.forEach(Process::destroy); // SIGTERM: a graceful shutdown, after which the JVM writes the cache
        for (Process process : processes) {
            if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
