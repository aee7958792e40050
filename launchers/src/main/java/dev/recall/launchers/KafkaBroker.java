package dev.recall.launchers;

import dev.recall.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker + controller), started from the jars in
 * {@code kafka-broker/target/lib} in its own JVM, so its dependencies never meet a service's classpath.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path workDir;
    private final int port;
    private final Process process;
    private final boolean deleteOnClose;

    private KafkaBroker(Path workDir, int port, Process process, boolean deleteOnClose) {
        this.workDir = workDir;
        this.port = port;
        this.process = process;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a fresh broker in a temporary folder on free ports; deleted again on {@link #close()}. */
    public static KafkaBroker startFresh() {
        try {
            return start(Files.createTempDirectory("recall-kafka-"), freePort(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker keeping its data in {@code workDir} (formatted on first use) on {@code port}. */
    public static KafkaBroker start(Path workDir, int port, boolean deleteOnClose) {
        Path lib = ProjectRoot.find().resolve("kafka-broker/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Kafka broker jars are missing in " + lib
                    + "; build them with: ./mvnw -pl kafka-broker package");
        }
        try {
            Files.createDirectories(workDir);
            int controllerPort = freePort();
            Path data = workDir.resolve("data");
            Path properties = workDir.resolve("server.properties");
            Files.writeString(properties = properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + data,
                    // Topics are created explicitly (createTopics) with Recall's sizes; these are the fallbacks.
                    "num.partitions=" + Topics.PARTITIONS,
                    "auto.create.topics.enable=true",
                    "message.max.bytes=" + Topics.MAX_MESSAGE_BYTES,
                    "replica.fetch.max.bytes=" + Topics.MAX_MESSAGE_BYTES,
                    // Consumers set a short session (fast take-over after a crash): allow it.
                    "group.min.session.timeout.ms=3000",
                    "group.consumer.min.session.timeout.ms=3000",
                    "group.consumer.session.timeout.ms=10000",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=5",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "") + "\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = lib.toAbsolutePath() + "/*";
            Path log4j = workDir.resolve("log4j2.properties");
            Files.writeString(log4j, String.join("\n",
                    "rootLogger.level=WARN", "rootLogger.appenderRef.out.ref=OUT",
                    "appender.out.type=Console", "appender.out.name=OUT",
                    "appender.out.layout.type=PatternLayout", "appender.out.layout.pattern=%d %-5p [%c{1}] %m%n", ""));
            Path log = workDir.resolve("kafka.log");
            if (!Files.exists(data.resolve("meta.properties"))) {
                Process format = new ProcessBuilder(java, "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath,
                        "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", properties.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (format.waitFor() != 0) {
                    throw new IllegalStateException("formatting Kafka storage failed, see " + log);
                }
            }
            List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath,
                    "kafka.Kafka", properties.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            KafkaBroker broker = new KafkaBroker(workDir, port, process, deleteOnClose);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            broker.awaitListening(Duration.ofSeconds(60), log);
            broker.createTopics();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates every Recall topic with its partitions and {@code max.message.bytes} before any client uses
     * it (no auto-creation lag on the first subscribe); existing ones are brought up to those settings.
     */
    public void createTopics() {
        Map<String, String> configs = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.all().stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Topics.PARTITIONS, (short) 1).configs(configs)).toList();
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            List<String> kept = Topics.all().stream().filter(existing::contains).toList();
            if (!kept.isEmpty()) {
                Map<String, NewPartitions> grow = new HashMap<>();
                admin.describeTopics(kept).allTopicNames().get(60, TimeUnit.SECONDS).forEach((name, description) -> {
                    if (description.partitions().size() < Topics.PARTITIONS) {
                        grow.put(name, NewPartitions.increaseTo(Topics.PARTITIONS));
                    }
                });
                admin.createPartitions(grow).all().get(60, TimeUnit.SECONDS);
                Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
                kept.forEach(t -> alter.put(new ConfigResource(ConfigResource.Type.TOPIC, t), List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES)),
                        AlterConfigOp.OpType.SET))));
                admin.incrementalAlterConfigs(alter).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating Recall's topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("creating Recall's topics timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path workDir() {
        return workDir;
    }

    private void awaitListening(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ", see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("Kafka broker did not listen on " + port + " within " + timeout + ", see " + log);
    }

    /** Ends the broker with SIGKILL, as in a crash; its data stays. */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(15), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (deleteOnClose && Files.exists(workDir)) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }

    /**
     * A Kafka cluster id: 16 random bytes, base64url without padding, never starting with '-' (the storage
     * tool would read such an id as an option and fail, once in 64 runs), as Kafka's own Uuid.randomUuid ensures.
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
