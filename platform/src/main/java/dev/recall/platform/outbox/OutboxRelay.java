package dev.recall.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed outbox rows to Kafka in id order, then deletes them. At-least-once: a crash between
 * the send and the delete re-sends the rows, and consumers drop the duplicates by event id.
 *
 * <p>Only one replica relays at a time (a PostgreSQL advisory lock), so events of one aggregate keep
 * their order however many replicas run. The relay uses plain JDBC and the Kafka producer on its own
 * thread: it is blocking, simple, and off the event loop.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Any constant works as long as all replicas of a service agree; each service has its own database. */
    private static final long ADVISORY_LOCK = 0x7265_6361_6c6cL; // "recall"

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    Config config;

    @ConfigProperty(name = "recall.outbox.poll-interval", defaultValue = "PT0.5S")
    Duration pollInterval;

    @ConfigProperty(name = "recall.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "recall.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private Counter published;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            Log.warn("outbox relay disabled (recall.outbox.enabled=false): events stay in the outbox");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        published = registry.counter("recall.outbox.published");
        registry.gauge("recall.outbox.pending", pending);
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        wakeUp.release();
        thread.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void nudge() {
        wakeUp.release();
    }

    private void loop() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == batchSize && running);
                backoff = pollInterval;
            } catch (Exception e) {
                // Kafka or the database is away: keep the rows, try again later with growing pauses.
                Log.warnf("outbox relay: %s; retrying in %s", e.getMessage(), backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
            try {
                wakeUp.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes up to one batch and returns how many rows it moved. */
    int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, topic, record_key, payload FROM outbox_event ORDER BY id LIMIT ?")) {
                    select.setInt(1, batchSize);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                            var record = new ProducerRecord<>(rows.getString(2), rows.getString(3), rows.getString(4));
                            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                            acks.add(producer.send(record));
                        }
                    }
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                if (!ids.isEmpty()) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
                        delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                        delete.executeUpdate();
                    }
                    published.increment(ids.size());
                    Log.debugf("outbox relay published %d events", ids.size());
                }
                pending.set(count(connection));
                connection.commit();
                return ids.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, ADVISORY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM outbox_event");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The service's {@code kafka.*} settings (bootstrap servers, security) plus safe producer defaults. */
    private Properties producerConfig() {
        Properties props = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> props.put(name.substring("kafka.".length()), v));
            }
        }
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.getOptionalValue("quarkus.application.name", String.class).orElse("recall") + "-outbox");
        return props;
    }
}
