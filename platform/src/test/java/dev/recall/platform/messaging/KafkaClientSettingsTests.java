package dev.recall.platform.messaging;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientSettingsTests {

    static Map<String, Object> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put("group.id", "progress-service.items");
        config.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return config;
    }

    @Test
    void consumersJoinAsStaticMembersNamedByInstanceAndChannelWithAShortSession() {
        Map<String, Object> config = consumer();
        KafkaClientSettings.apply("items", Optional.of("progress-7f9c"), config);
        assertThat(config).containsEntry("group.instance.id", "progress-7f9c-items")
                .containsEntry("session.timeout.ms", "10000")
                .containsEntry("partition.assignment.strategy", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
                .containsEntry("max.partition.fetch.bytes", "5242880");
    }

    @Test
    void withoutAnInstanceIdMembershipStaysDynamic() {
        Map<String, Object> config = consumer();
        KafkaClientSettings.apply("items", Optional.empty(), config);
        assertThat(config).doesNotContainKey("group.instance.id").containsEntry("session.timeout.ms", "10000");
    }

    @Test
    void aChannelsOwnSettingsWin() {
        Map<String, Object> config = consumer();
        config.put("session.timeout.ms", "30000");
        config.put("group.instance.id", "fixed");
        KafkaClientSettings.apply("items", Optional.of("pod-1"), config);
        assertThat(config).containsEntry("session.timeout.ms", "30000").containsEntry("group.instance.id", "fixed");
    }

    @Test
    void producersSendUpToFiveMebibytesWithZstd() {
        Map<String, Object> config = new HashMap<>();
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("group.id", "copied-from-the-consumer");
        config.put("group.instance.id", "copied-too");
        KafkaClientSettings.apply("items", Optional.of("pod-1"), config);
        assertThat(config).containsEntry("max.request.size", "5242880").containsEntry("compression.type", "zstd")
                .doesNotContainKey("group.instance.id");
    }
}
