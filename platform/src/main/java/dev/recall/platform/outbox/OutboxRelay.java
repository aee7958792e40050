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
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** How often at most the relay counts its tables for the gauges (see {@link #updateGauges}). */
    static final Duration COUNT_INTERVAL = Duration.ofSeconds(10);

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
    private final AtomicLong deadLetters = new AtomicLong();
    /** When the relay last counted its tables (System.nanoTime), and whether the next batch must count; see {@link #updateGauges}. */
    private volatile long countedAt;
    private final AtomicBoolean countNext = new AtomicBoolean(true);
    private Counter published;
    private Counter refused;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            Log.warn("outbox relay disabled (recall.outbox.enabled=false): events stay in the outbox");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        published = registry.counter("recall.outbox.published");
        refused = registry.counter("recall.outbox.refused");
        registry.gauge("recall.outbox.pending", pending);
        registry.gauge("recall.outbox.dead.letters", deadLetters);
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

    /** Asks the relay to count its tables for the gauges at its next batch (the dead letters changed). */
    public void recount() {
        countNext.set(true);
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

    /**
     * Publishes up to one batch and returns how many rows it moved. A row the broker refuses for good
     * (too large, invalid) moves to {@code outbox_dead_letter} and the rows behind it go on: one bad row
     * never holds up the others. A transient failure keeps the failed rows for the next attempt.
     */
    int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, event_id, topic, record_key, payload, created_at FROM outbox_event ORDER BY id LIMIT ?")) {
                    select.setInt(1, batchSize);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            Row row = new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getTimestamp(6));
                            var record = new ProducerRecord<>(row.topic, row.key, row.payload);
                            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                            row.ack = producer.send(record);
                            rows.add(row);
                        }
                    }
                }
                List<Long> done = new ArrayList<>();
                Exception transientFailure = null;
                for (Row row : rows) {
                    try {
                        row.ack.get(60, TimeUnit.SECONDS);
                        done.add(row.id);
                    } catch (ExecutionException e) {
                        if (refusedForGood(e.getCause())) {
                            deadLetter(connection, row, e.getCause());
                            done.add(row.id);
                        } else if (transientFailure == null) {
                            transientFailure = e;
                        }
                    } catch (TimeoutException e) {
                        if (transientFailure == null) {
                            transientFailure = e;
                        }
                    }
                }
                if (!done.isEmpty()) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
                        delete.setArray(1, connection.createArrayOf("bigint", done.toArray()));
                        delete.executeUpdate();
                    }
                    Log.debugf("outbox relay moved %d events", done.size());
                }
                updateGauges(connection, rows, done.size());
                connection.commit();
                published.increment(done.size() - refusedInBatch(rows));
                if (transientFailure != null) {
                    throw transientFailure;
                }
                return done.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Sets {@code recall.outbox.pending} and {@code recall.outbox.dead.letters} without a count(*) per batch (a count
     * reads the whole table, and a backlog of n rows drains in n / batch-size batches). When the batch was not full,
     * its select saw every committed row, so what it kept (transient failures) is the backlog. A full batch leaves
     * an unknown backlog behind: the relay counts it at most every {@link #COUNT_INTERVAL}, as it counts the dead
     * letters, which change only when this relay refuses a row (then it counts at once) or an operator replays some
     * ({@link #recount()}; on another replica, seen within the interval). Prometheus scrapes every 30 s.
     */
    private void updateGauges(Connection connection, List<Row> rows, int done) throws SQLException {
        long now = System.nanoTime();
        // cleared before counting: a recount asked for meanwhile (after a replay committed) counts at the next batch
        boolean asked = countNext.getAndSet(false);
        boolean due = asked || now - countedAt >= COUNT_INTERVAL.toNanos();
        if (rows.size() < batchSize) {
            pending.set(rows.size() - done);
        } else if (due) {
            pending.set(count(connection, "outbox_event"));
        }
        if (due || refusedInBatch(rows) > 0) {
            deadLetters.set(count(connection, "outbox_dead_letter"));
        }
        if (due) {
            countedAt = now;
        }
    }

    private long refusedInBatch(List<Row> rows) {
        return rows.stream().filter(r -> r.refused).count();
    }

    /** Failures that no resend can cure: the record itself is unacceptable to the broker. */
    static boolean refusedForGood(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException || cause instanceof InvalidTopicException
                || cause instanceof SerializationException;
    }

    private void deadLetter(Connection connection, Row row, Throwable cause) throws SQLException {
        row.refused = true;
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_dead_letter (id, event_id, topic, record_key, payload, reason, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            insert.setLong(1, row.id);
            insert.setString(2, row.eventId);
            insert.setString(3, row.topic);
            insert.setString(4, row.key);
            insert.setString(5, row.payload);
            insert.setString(6, reason);
            insert.setTimestamp(7, row.createdAt);
            insert.executeUpdate();
        }
        refused.increment();
        Log.errorf("outbox relay: event %s for %s refused by the broker (%s); moved to outbox_dead_letter, relaying the rest",
                row.eventId, row.topic, reason);
    }

    /** One outbox row on its way to Kafka. */
    private static final class Row {
        final long id;
        final String eventId;
        final String topic;
        final String key;
        final String payload;
        final java.sql.Timestamp createdAt;
        Future<RecordMetadata> ack;
        boolean refused;

        Row(long id, String eventId, String topic, String key, String payload, java.sql.Timestamp createdAt) {
            this.id = id;
            this.eventId = eventId;
            this.topic = topic;
            this.key = key;
            this.payload = payload;
            this.createdAt = createdAt;
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

    private static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM " + table);
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
        // One documented maximum (recall.events.max-bytes, 4 MiB of JSON) with room for headers and batch
        // framing: the topics' max.message.bytes and the broker's message.max.bytes are 5 MiB as well.
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "5242880");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.getOptionalValue("quarkus.application.name", String.class).orElse("recall") + "-outbox");
        return props;
    }
}
