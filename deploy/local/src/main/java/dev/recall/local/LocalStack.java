package dev.recall.local;

import dev.recall.launchers.KafkaBroker;
import dev.recall.launchers.Postgres;
import dev.recall.launchers.ProjectRoot;
import dev.recall.launchers.TraceCollector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Recall on one machine without Docker: a real Kafka broker (KRaft, from Maven Central jars), the
 * PostgreSQL at PG* / 127.0.0.1:5432 or else an embedded one, and the three services as separate JVMs
 * started from their packaged apps. The end-to-end test starts the same stack on free ports.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * @param stateDir       where keys, logs, broker data (and embedded PostgreSQL data) live
     * @param databaseSuffix appended to each service's database name ("" for the stack, "_e2e" for the test)
     * @param freshData      drop the databases and start an empty broker
     * @param fixedPorts     use 8081-8083 and 9092 (the README's ports) rather than free ones
     * @param publicKey      the PEM public key the services verify tokens with
     * @param replicas       processes per service (one consumer group per service, sharing the topics' partitions);
     *                       with fixed ports the first replica has the README's port, the others free ones
     */
    public record Options(Path stateDir, String databaseSuffix, boolean freshData, boolean fixedPorts, Path publicKey, int replicas) {
        public Options(Path stateDir, String databaseSuffix, boolean freshData, boolean fixedPorts, Path publicKey) {
            this(stateDir, databaseSuffix, freshData, fixedPorts, publicKey, 1);
        }
    }

    /** A started service replica: its port, process, and how long it took to be ready. */
    public record Running(Service service, int replica, int port, Process process, Duration startTime, Path log) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        /** Resident memory of the service's JVM in MiB, from /proc (0 where unavailable). */
        public long rssMiB() {
            return Processes.rssMiB(process.pid());
        }
    }

    private final Options options;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<Service, List<Running>> services = new EnumMap<>(Service.class);
    private Postgres postgres;
    private KafkaBroker broker;
    private TraceCollector traces;

    private LocalStack(Options options) {
        this.options = options;
    }

    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startInfrastructure();
            for (Service service : Service.values()) {
                for (int replica = 0; replica < Math.max(1, options.replicas()); replica++) {
                    stack.startService(service, replica);
                }
            }
            for (Service service : Service.values()) {
                for (int replica = 0; replica < stack.services.get(service).size(); replica++) {
                    stack.awaitReady(service, replica);
                }
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        Path root = ProjectRoot.find();
        for (Service service : Service.values()) {
            Path app = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(app)) {
                throw new IllegalStateException(app + " is missing; build first: ./mvnw package -DskipTests");
            }
        }
        postgres = Postgres.fromEnvironment();
        if (!postgres.reachable()) {
            log("No PostgreSQL answers at " + postgres.host() + ":" + postgres.port() + "; starting an embedded PostgreSQL");
            postgres = startEmbeddedPostgres();
        }
        for (Service service : Service.values()) {
            String database = service.database + options.databaseSuffix();
            if (options.freshData()) {
                postgres.recreateDatabase(database);
            } else {
                postgres.ensureDatabase(database);
            }
        }
        int kafkaPort = options.fixedPorts() && Processes.portFree(9092) ? 9092 : KafkaBroker.freePort();
        Path kafkaDir = options.stateDir().resolve("kafka");
        if (options.freshData()) {
            Processes.deleteTree(kafkaDir);
        }
        broker = KafkaBroker.start(kafkaDir, kafkaPort, false);
        resources.add(broker);
        log("Kafka broker (KRaft) at " + broker.bootstrapServers());
        if (System.getenv("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") == null) {
            // No collector of the user's own: the services' spans come to an in-memory one (the tests read it).
            traces = TraceCollector.start();
            resources.add(traces);
        }
    }

    private Postgres startEmbeddedPostgres() {
        try {
            Path data = options.stateDir().resolve("postgres");
            Files.createDirectories(data);
            int port = options.fixedPorts() && Processes.portFree(54329) ? 54329 : KafkaBroker.freePort();
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            resources.add(embedded);
            return new Postgres("127.0.0.1", port, "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("could not start an embedded PostgreSQL either: " + e.getMessage()
                    + ". Start one yourself and set PGHOST/PGPORT/PGUSER/PGPASSWORD.", e);
        }
    }

    private void startService(Service service, int replica) {
        int port = replica == 0 && options.fixedPorts() && Processes.portFree(service.defaultPort) ? service.defaultPort : KafkaBroker.freePort();
        startService(service, replica, port, Map.of());
    }

    /**
     * Stops a service (with SIGKILL when {@code crash}: no graceful shutdown, as in a crash) and starts it again
     * on the same port with extra environment; returns when it is ready again.
     */
    public void restart(Service service, boolean crash, Map<String, String> extraEnv) {
        Running running = service(service);
        try {
            if (crash) {
                running.process().destroyForcibly().waitFor();
            } else {
                Processes.stopProcess(running.process());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        startService(service, 0, running.port(), extraEnv);
        awaitReady(service, 0);
    }

    /** Kills one replica with SIGKILL (as a crash or an OOM kill would) and leaves it down. */
    public void kill(Service service, int replica) {
        try {
            services.get(service).get(replica).process().destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops a service gracefully (SIGTERM), to measure the others without it; {@link #start(Service)} brings it back. */
    public void stop(Service service) {
        try {
            Processes.stopProcess(service(service).process());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a stopped service again on its port and returns when it is ready. */
    public void start(Service service) {
        startService(service, 0, service(service).port(), Map.of());
        awaitReady(service, 0);
    }

    private void startService(Service service, int replica, int port, Map<String, String> extraEnv) {
        Path root = ProjectRoot.find();
        try {
            Path logs = Files.createDirectories(options.stateDir().resolve("logs"));
            String name = service.module + (replica == 0 ? "" : "-" + replica);
            Path log = logs.resolve(name + ".log");
            if (Files.exists(log)) {
                Files.move(log, logs.resolve(name + ".previous.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Path app = root.resolve(service.module).resolve("target/quarkus-app");
            ProcessBuilder builder = new ProcessBuilder(Processes.javaCommand(app))
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            // A developer's stack is not a server: only this machine can reach it unless RECALL_BIND_HOST says otherwise.
            env.put("QUARKUS_HTTP_HOST", System.getenv().getOrDefault("RECALL_BIND_HOST", "127.0.0.1"));
            env.put("DB_HOST", postgres.host());
            env.put("DB_PORT", Integer.toString(postgres.port()));
            env.put("DB_NAME", service.database + options.databaseSuffix());
            env.put("DB_USER", postgres.user());
            env.put("DB_PASSWORD", postgres.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("JWT_PUBLIC_KEY_LOCATION", options.publicKey().toAbsolutePath().toString());
            // Static Kafka group membership: a restart on the same port is the same member and gets its partitions back at once.
            env.put("RECALL_INSTANCE_ID", service.module + "-" + port);
            if (traces != null) {
                env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
                env.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
                env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            }
            env.putAll(extraEnv);
            long started = System.nanoTime();
            Process process = builder.start();
            Running running = new Running(service, replica, port, process, Duration.ofNanos(started), log);
            List<Running> replicas = services.computeIfAbsent(service, s -> new ArrayList<>());
            if (replica < replicas.size()) {
                replicas.set(replica, running);
            } else {
                replicas.add(running);
            }
            resources.add(() -> Processes.stopProcess(process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Service service, int replica) {
        Running running = services.get(service).get(replica);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long started = running.startTime().toNanos();
        long deadline = started + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!running.process().isAlive()) {
                throw new IllegalStateException(running.service().module + " exited with " + running.process().exitValue()
                        + "; its log ends with:\n" + Processes.tail(running.log(), 30));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(running.url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    services.get(service).set(replica, new Running(service, replica, running.port(), running.process(),
                            Duration.ofNanos(System.nanoTime() - started), running.log()));
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // Asked every 50 ms: this wait is the start time the benchmarks report (200 ms steps added ~100 ms to it
            // on average), and asking much more often would take CPU from the starting JVM on two cores.
            Processes.sleep(50);
        }
        throw new IllegalStateException(running.service().module + " was not ready within 180 s; see " + running.log());
    }

    /** Stops the broker (SIGTERM, or SIGKILL when {@code crash}) and starts it again on the same port and data. */
    public void restartBroker(boolean crash) {
        Path kafkaDir = broker.workDir();
        int port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
        resources.remove(broker);
        if (crash) {
            broker.kill();
        } else {
            broker.close();
        }
        broker = KafkaBroker.start(kafkaDir, port, false);
        resources.add(broker);
    }

    /** The JVM options a service would be started with now (the current recall.* properties), for reports. */
    public static List<String> jvmOptions(Service service) {
        List<String> command = Processes.javaCommand(ProjectRoot.find().resolve(service.module).resolve("target/quarkus-app"));
        return command.subList(1, command.size() - 2); // without the java binary and "-jar quarkus-run.jar"
    }

    /** The first replica of a service. */
    public Running service(Service service) {
        return services.get(service).get(0);
    }

    public List<Running> replicas(Service service) {
        return List.copyOf(services.get(service));
    }

    public String url(Service service) {
        return service(service).url();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Postgres postgres() {
        return postgres;
    }

    /** The spans the services exported, when the stack runs its own collector (no QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT set). */
    public List<TraceCollector.Span> spans() {
        if (traces == null) {
            throw new IllegalStateException("the services export to QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT, not to the stack's collector");
        }
        return traces.spans();
    }

    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log("while stopping: " + e.getMessage());
            }
        }
        resources.clear();
    }

    static void log(String message) {
        System.out.println("[recall] " + message);
    }
}
