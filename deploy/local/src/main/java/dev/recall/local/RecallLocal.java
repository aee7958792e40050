package dev.recall.local;

import dev.recall.launchers.ProjectRoot;
import dev.recall.launchers.Tokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The README's first command ends here: starts the stack on the usual ports, loads the sample notes,
 * prints where everything is and two tokens, and stops everything on Ctrl-C.
 */
public final class RecallLocal {

    public static final String TENANT = "demo";

    private RecallLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = ProjectRoot.find();
        Path state = root.resolve(".local");
        Path keys = DevKeys.ensure(state.resolve("jwt"));
        boolean fresh = List.of(args).contains("--fresh");
        int replicas = List.of(args).stream().filter(a -> a.startsWith("--replicas=")).map(a -> Integer.parseInt(a.substring(11)))
                .findFirst().orElse(1);

        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStack.Options(state, "", fresh, true, keys.resolve("publicKey.pem"), replicas));
        } catch (RuntimeException e) {
            System.err.println("[recall] could not start the stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack.log("stopping…");
            stack.close();
            LocalStack.log("stopped");
            stopped.countDown();
        }));

        Tokens tokens = Tokens.fromPem(keys.resolve("privateKey.pem"));
        String author = tokens.token(TENANT, "author-1", Duration.ofHours(12), "author", "learner");
        String learner = tokens.token(TENANT, "learner-1", Duration.ofHours(12), "learner");
        var samples = SampleNotes.read(root.resolve("samples/notes"));
        try {
            List<String> ids = new SampleNotes().load(samples, stack.url(Service.CONTENT), stack.url(Service.PROGRESS), author, learner);
            LocalStack.log("loaded " + ids.size() + " sample notes; learner-1 is enrolled in each");
        } catch (RuntimeException e) {
            LocalStack.log("loading sample notes failed: " + e.getMessage());
        }

        System.out.println();
        for (Service service : Service.values()) {
            for (var running : stack.replicas(service)) {
                System.out.printf("  %-17s %s   (ready in %.2f s, RSS %d MiB; OpenAPI %s/q/swagger-ui, log %s)%n", service.module,
                        running.url(), running.startTime().toMillis() / 1000.0, running.rssMiB(), running.url(), root.relativize(running.log()));
            }
        }
        System.out.println("  Kafka             " + stack.bootstrapServers());
        System.out.printf("  PostgreSQL        %s:%d (databases recall_content, recall_quiz, recall_progress)%n",
                stack.postgres().host(), stack.postgres().port());
        System.out.println();
        System.out.println("export AUTHOR=" + author);
        System.out.println("export LEARNER=" + learner);
        System.out.println();
        System.out.println("Try: curl -s -H \"Authorization: Bearer $LEARNER\" " + stack.url(Service.PROGRESS) + "/api/v1/reviews/due?limit=3");
        if (List.of(args).contains("--measure")) {
            try {
                String probeLearner = tokens.token(TENANT, "probe-learner-" + java.util.UUID.randomUUID(), Duration.ofHours(1), "learner");
                NoteToDueProbe probe = new NoteToDueProbe();
                List<Double> ms = probe.run(20, stack.url(Service.CONTENT), stack.url(Service.QUIZ), stack.url(Service.PROGRESS), author, probeLearner);
                List<Double> items = probe.itemLatencies;
                System.out.printf("note POST -> items listed by quiz-service, %d runs from the first note: median %.0f ms, p99 %.0f ms, first %.0f ms%n",
                        items.size(), NoteToDueProbe.percentile(items, 50), NoteToDueProbe.percentile(items, 99), probe.firstItemLatency());
                System.out.printf("note POST -> cards due, %d runs from the first note: median %.0f ms, p99 %.0f ms, first %.0f ms%n", ms.size(),
                        NoteToDueProbe.percentile(ms, 50), NoteToDueProbe.percentile(ms, 99), probe.firstDueLatency());
                // The start above had all three JVMs starting at once; now each alone, while the other two run.
                for (Service service : Service.values()) {
                    stack.restart(service, false, java.util.Map.of());
                    var running = stack.service(service);
                    System.out.printf("  %-17s started alone: ready in %.2f s, RSS %d MiB%n", service.module,
                            running.startTime().toMillis() / 1000.0, running.rssMiB());
                }
            } catch (Exception e) {
                System.out.println("measurement failed: " + e);
            }
            System.exit(0);
        }
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }
}
