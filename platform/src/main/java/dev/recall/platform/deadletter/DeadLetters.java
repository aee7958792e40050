package dev.recall.platform.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recall.events.EventCodec;
import dev.recall.events.Topics;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

    static final int PREVIEW_CHARS = 4_096;
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
            try (Admin admin = Admin.create(clientConfig("admin"))) {
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
    public Page list(String topic, int limit, Cursor cursor) {
        requireKnown(topic);
        List<DeadLetterRecord> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, TIMEOUT);
            for (TopicPartition tp : partitions) {
                if (tp.partition() < cursor.partition()) {
                    continue;
                }
                long from = Math.max(starts.get(tp), tp.partition() == cursor.partition() ? cursor.offset() : 0);
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
                        records.add(view(record));
                        next = record.offset() + 1;
                    }
                }
                if (records.size() >= limit) {
                    boolean more = next < end || partitions.stream().anyMatch(p -> p.partition() > tp.partition()
                            && ends.get(p) > starts.get(p));
                    return new Page(records, more ? new Cursor(tp.partition(), next).encode() : null);
                }
            }
        }
        return new Page(records, null);
    }

    /**
     * Sends the chosen records again to the topic they were dead-lettered from, with the same key and
     * value (so the same event id). Returns the records sent.
     */
    public List<DeadLetterRecord> replay(String topic, List<Position> positions) {
        requireKnown(topic);
        List<DeadLetterRecord> replayed = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer();
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
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
                    throw ProblemException.notFound("dead letter", topic + "/" + position.partition() + "/" + position.offset());
                }
                String original = originalTopic(found);
                ProducerRecord<String, String> again = new ProducerRecord<>(original, found.key(), found.value());
                again.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                again.headers().add("recall-replayed-from", (topic + "/" + position.partition() + "/" + position.offset())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(again).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                Log.infof("dead letter %s/%d/%d replayed to %s", topic, position.partition(), position.offset(), original);
                replayed.add(view(found));
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
            throw ProblemException.notFound("dead-letter topic", topic);
        }
    }

    private static String originalTopic(ConsumerRecord<String, String> record) {
        String header = header(record, "dead-letter-topic");
        if (header != null && !header.isBlank()) {
            return header;
        }
        String topic = record.topic();
        return topic.endsWith(".dlq") ? topic.substring(0, topic.length() - ".dlq".length()) : topic;
    }

    static DeadLetterRecord view(ConsumerRecord<String, String> record) {
        String value = record.value();
        String eventId = null;
        String type = null;
        String tenant = null;
        if (value != null) {
            try {
                JsonNode node = EventCodec.mapper().readTree(value);
                eventId = text(node, "id");
                type = text(node, "type");
                tenant = text(node, "tenant");
            } catch (Exception notJson) {
                // a record that is not even JSON: the reason says so
            }
        }
        boolean truncated = value != null && value.length() > PREVIEW_CHARS;
        return new DeadLetterRecord(record.partition(), record.offset(), record.key(), Instant.ofEpochMilli(record.timestamp()),
                header(record, "dead-letter-reason"), header(record, "dead-letter-cause"), originalTopic(record),
                number(header(record, "dead-letter-partition")) == null ? null : number(header(record, "dead-letter-partition")).intValue(),
                number(header(record, "dead-letter-offset")), eventId, type, tenant,
                truncated ? value.substring(0, PREVIEW_CHARS) : value, truncated);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = clientConfig("dlq-reader");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        return new KafkaConsumer<>(props);
    }

    private Properties producerConfig() {
        Properties props = clientConfig("dlq-replay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return props;
    }

    /** The service's {@code kafka.*} connection settings (bootstrap servers, security). */
    private Properties clientConfig(String role) {
        Properties props = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices")) {
                String key = name.substring("kafka.".length());
                if (key.startsWith("bootstrap.") || key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                    config.getOptionalValue(name, String.class).ifPresent(v -> props.put(key, v));
                }
            }
        }
        props.put("client.id", config.getOptionalValue("quarkus.application.name", String.class).orElse("recall") + "-" + role);
        return props;
    }

    /** A record's place in a dead-letter topic. */
    public record Position(int partition, long offset) {
    }

    /** One page of records; {@code nextCursor} is null on the last one. */
    public record Page(List<DeadLetterRecord> records, String nextCursor) {
    }

    /** Where the next page starts: a partition and an offset in it, as "partition:offset". */
    public record Cursor(int partition, long offset) {
        public static final Cursor START = new Cursor(0, 0);

        public static Cursor decode(String text) {
            if (text == null || text.isBlank()) {
                return START;
            }
            String[] parts = text.split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                Cursor cursor = new Cursor(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
                if (cursor.partition < 0 || cursor.offset < 0) {
                    throw new NumberFormatException();
                }
                return cursor;
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "must be a cursor returned by an earlier page");
            }
        }

        public String encode() {
            return partition + ":" + offset;
        }
    }
}
