package dev.recall.platform.deadletter;

import dev.recall.platform.problem.Text;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.recall.platform.paging.Cursor;
import dev.recall.platform.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead-letter topics of this service's incoming channels: how many records each holds (a gauge,
 * {@code recall.deadletter.records}), their records with the reasons, and replay of chosen records to
 * the topic they came from. A replay is safe: consumers apply an event id once.
 */
@ApplicationScoped
public class DeadLetters {

    private static final String CURSOR = "dead-letters";
    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Inject
    Config config;

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();
    private volatile Thread refresher;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        for (String topic : topics()) {
            AtomicLong records = depth.computeIfAbsent(topic, t -> new AtomicLong());
            Gauge.builder("recall.deadletter.records", records, AtomicLong::get).tag("topic", topic)
                    .description("records held by a dead-letter topic (replayed ones stay until retention removes them)")
                    .register(registry);
        }
        if (depth.isEmpty()) {
            return;
        }
        running = true;
        refresher = new Thread(this::refreshLoop, "dead-letter-depth");
        refresher.setDaemon(true);
        refresher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (refresher != null) {
            refresher.interrupt();
        }
    }

    /** This service's dead-letter topics, from its channels' configuration. */
    public List<String> topics() {
        TreeSet<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = DLQ_TOPIC.matcher(name);
            if (m.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return List.copyOf(topics);
    }

    /** Records per dead-letter topic, as last counted (every 15 s). */
    public Map<String, Long> depths() {
        Map<String, Long> out = new java.util.TreeMap<>();
        depth.forEach((topic, n) -> out.put(topic, n.get()));
        return out;
    }

    private void refreshLoop() {
        while (running) {
            try (Admin admin = DeadLetterClients.admin(config)) {
                while (running) {
                    for (String topic : depth.keySet()) {
                        depth.get(topic).set(count(admin, topic));
                    }
                    Thread.sleep(15_000);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                Log.debugf("dead-letter depth: %s", e.getMessage());
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static long count(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .get(topic).partitions();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> {
            earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
        });
        var from = admin.listOffsets(earliest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        var to = admin.listOffsets(latest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long total = 0;
        for (var entry : to.entrySet()) {
            total += entry.getValue().offset() - from.get(entry.getKey()).offset();
        }
        return total;
    }

    /** Up to {@code limit} records from {@code cursor} on (partition by partition, in offset order). */
    public Page list(String topic, int limit, String cursor) {
        requireKnown(topic);
        Position start = start(cursor);
        List<DeadLetterRecord> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = DeadLetterClients.consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, TIMEOUT);
            for (TopicPartition tp : partitions) {
                if (tp.partition() < start.partition()) {
                    continue;
                }
                long from = Math.max(starts.get(tp), tp.partition() == start.partition() ? start.offset() : 0);
                long end = ends.get(tp);
                if (from >= end) {
                    continue;
                }
                consumer.assign(List.of(tp));
                consumer.seek(tp, from);
                long next = from;
                while (next < end && records.size() < limit) {
                    var polled = consumer.poll(Duration.ofMillis(500));
                    if (polled.isEmpty() && consumer.position(tp) >= end) {
                        break;
                    }
                    for (ConsumerRecord<String, String> record : polled.records(tp)) {
                        if (records.size() >= limit) {
                            break;
                        }
                        records.add(DeadLetterRecord.of(record));
                        next = record.offset() + 1;
                    }
                }
                if (records.size() >= limit) {
                    boolean more = next < end || partitions.stream().anyMatch(p -> p.partition() > tp.partition()
                            && ends.get(p) > starts.get(p));
                    return new Page(records, more ? Cursor.of(CURSOR, Integer.toString(tp.partition()), Long.toString(next)).encode() : null);
                }
            }
        }
        return new Page(records, null);
    }

    /** Where a page starts: the first record of partition 0, or the place an earlier page's cursor names. */
    private static Position start(String cursor) {
        Cursor decoded = Cursor.decode(CURSOR, cursor, 2);
        if (decoded == null) {
            return new Position(0, 0);
        }
        long partition = decoded.number(0);
        long offset = decoded.number(1);
        if (partition < 0 || partition > Integer.MAX_VALUE || offset < 0) {
            throw ProblemException.badRequest("invalid-cursor", Text.of("cursor.invalid"));
        }
        return new Position((int) partition, offset);
    }

    /**
     * Sends the chosen records again to the topic they were dead-lettered from, with the same key and
     * value (so the same event id). Returns the records sent.
     */
    public List<DeadLetterRecord> replay(String topic, List<Position> positions) {
        requireKnown(topic);
        List<DeadLetterRecord> replayed = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = DeadLetterClients.consumer(config);
             KafkaProducer<String, String> producer = DeadLetterClients.producer(config)) {
            for (Position position : positions) {
                TopicPartition tp = new TopicPartition(topic, position.partition());
                consumer.assign(List.of(tp));
                consumer.seek(tp, position.offset());
                ConsumerRecord<String, String> found = null;
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (found == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500)).records(tp)) {
                        if (record.offset() == position.offset()) {
                            found = record;
                        }
                        break;
                    }
                    if (found == null && consumer.position(tp) > position.offset()) {
                        break;
                    }
                }
                if (found == null) {
                    throw ProblemException.notFound(Text.of("deadletter.not-found", topic + "/" + position.partition() + "/" + position.offset()));
                }
                String original = DeadLetterRecord.originalTopic(found);
                ProducerRecord<String, String> again = new ProducerRecord<>(original, found.key(), found.value());
                again.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                again.headers().add("recall-replayed-from", (topic + "/" + position.partition() + "/" + position.offset())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(again).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                Log.infof("dead letter %s/%d/%d replayed to %s", topic, position.partition(), position.offset(), original);
                replayed.add(DeadLetterRecord.of(found));
            }
        } catch (ProblemException e) {
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("replay failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("replay timed out", e);
        }
        return replayed;
    }

    private void requireKnown(String topic) {
        if (!topics().contains(topic)) {
            throw ProblemException.notFound(Text.of("deadletter.topic-not-found", topic));
        }
    }

    /** A record's place in a dead-letter topic. */
    public record Position(int partition, long offset) {
    }

    /** One page of records; {@code nextCursor} is null on the last one. */
    public record Page(List<DeadLetterRecord> records, @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }
}
