package dev.recall.platform.deadletter;

import dev.recall.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

import java.util.Properties;

/**
 * Plain Kafka clients for the dead-letter admin (counting, reading at chosen offsets, replaying), outside
 * the messaging channels, on the service's own {@code kafka.*} connection settings.
 */
final class DeadLetterClients {

    private DeadLetterClients() {
    }

    static Admin admin(Config config) {
        return Admin.create(connection(config, "admin"));
    }

    /** Reads without a group or commits: the admin seeks to the offsets it wants. */
    static KafkaConsumer<String, String> consumer(Config config) {
        Properties props = connection(config, "dlq-reader");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        return new KafkaConsumer<>(props);
    }

    /** Sends a replayed record as the relay would: acknowledged by all replicas, idempotent, up to the event limit. */
    static KafkaProducer<String, String> producer(Config config) {
        Properties props = connection(config, "dlq-replay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return new KafkaProducer<>(props);
    }

    /** The service's {@code kafka.*} connection settings (bootstrap servers, security). */
    private static Properties connection(Config config, String role) {
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
}
