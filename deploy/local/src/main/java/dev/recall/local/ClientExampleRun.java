package dev.recall.local;

import dev.recall.launchers.Postgres;
import dev.recall.launchers.ProjectRoot;
import dev.recall.launchers.Tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * CI's proof that the typed client works against the real services: starts the local stack on free ports with fresh
 * databases ({@code recall_*_example} plus {@code RECALL_TEST_DB_SUFFIX}) and its own broker, mints an author and a
 * learner token for a new tenant, runs the TypeScript example ({@code npm run -s example} in {@code clients/typescript},
 * which compiles it with tsc and runs it with node), and stops everything. Exits 0 only when the example ran the
 * whole flow (it exits non-zero on any problem and prints {@link #DONE} as its last line); 1 otherwise.
 * Run after {@code ./mvnw package} (the services' apps) and {@code npm ci}: see {@code .ci/run}.
 */
public final class ClientExampleRun {

    /** The example's last line when the whole flow ran. */
    static final String DONE = "main flow complete";
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private ClientExampleRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = ProjectRoot.find();
        Path state = root.resolve("deploy/local/target/client-example");
        Files.createDirectories(state);
        Path keys = DevKeys.ensure(state.resolve("jwt"));
        long started = System.nanoTime();
        int exit;
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(state, "_example" + Postgres.testDatabaseSuffix(), true, false,
                keys.resolve("publicKey.pem")))) {
            LocalStack.log(String.format("stack ready in %.1f s; running the TypeScript example", (System.nanoTime() - started) / 1e9));
            Tokens tokens = Tokens.fromPem(keys.resolve("privateKey.pem"));
            String tenant = "example-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> env = Map.of(
                    "AUTHOR", tokens.token(tenant, "author-1", Duration.ofHours(1), "author", "learner"),
                    "LEARNER", tokens.token(tenant, "learner-1", Duration.ofHours(1), "learner"),
                    "RECALL_CONTENT_URL", stack.url(Service.CONTENT),
                    "RECALL_QUIZ_URL", stack.url(Service.QUIZ),
                    "RECALL_PROGRESS_URL", stack.url(Service.PROGRESS));
            exit = runExample(root.resolve("clients/typescript"), env, state.resolve("example.log"));
        } catch (RuntimeException e) {
            System.err.println("[recall] the local stack did not start: " + e.getMessage());
            exit = 1;
        }
        LocalStack.log(String.format("client example %s after %.1f s", exit == 0 ? "passed" : "FAILED", (System.nanoTime() - started) / 1e9));
        System.exit(exit);
    }

    /** Runs the example with {@code env}, echoing its output; 0 when it exited 0 and printed {@link #DONE} last. */
    static int runExample(Path client, Map<String, String> env, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("npm", "run", "-s", "example"))
                .directory(client.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(log);
        lines.forEach(line -> System.out.println("  | " + line));
        if (!finished) {
            System.err.println("[recall] the example did not finish within " + TIMEOUT.toSeconds() + " s");
            return 1;
        }
        if (process.exitValue() != 0) {
            System.err.println("[recall] the example exited with " + process.exitValue());
            return 1;
        }
        if (lines.isEmpty() || !lines.get(lines.size() - 1).strip().equals(DONE)) {
            System.err.println("[recall] the example exited 0 but did not print '" + DONE + "' last");
            return 1;
        }
        return 0;
    }
}
