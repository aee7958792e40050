package dev.recall.platform.messaging;

import dev.recall.events.Topics;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * Recall's settings for every Kafka client the messaging connector creates (consumers of the incoming
 * channels and their dead-letter producers); a channel's own configuration wins over each of them.
 *
 * <ul>
 *   <li>Sizes: consumers fetch, and dead-letter producers send, records up to {@link Topics#MAX_MESSAGE_BYTES};
 *       producers compress with zstd.</li>
 *   <li>Fast take-over after a crash: static membership ({@code group.instance.id} = the replica's
 *       instance id + the channel, so a restarted replica gets its partitions back at once without a
 *       rebalance), a 10 s session instead of 45 s for a replica that does not come back, and
 *       cooperative rebalancing so the other replicas keep consuming meanwhile.</li>
 * </ul>
 * The instance id is {@code RECALL_INSTANCE_ID}, else {@code HOSTNAME} (the pod name in Kubernetes); with
 * neither, membership stays dynamic. Two replicas must never share one.
 */
@ApplicationScoped
public class KafkaClientSettings implements ClientCustomizer<Map<String, Object>> {

    static final String SESSION_TIMEOUT_MS = "10000";
    static final String HEARTBEAT_INTERVAL_MS = "1000";

    /** Set by the environment variable RECALL_INSTANCE_ID. */
    @ConfigProperty(name = "recall.instance-id")
    Optional<String> instanceId;

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        apply(channel, instanceId.or(() -> Optional.ofNullable(System.getenv("HOSTNAME"))).filter(id -> !id.isBlank()), config);
        return config;
    }

    /** Adds Recall's defaults to one client's configuration in place. */
    static void apply(String channel, Optional<String> instanceId, Map<String, Object> config) {
        boolean consumer = config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)
                || config.containsKey(ConsumerConfig.GROUP_ID_CONFIG) && !config.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        if (consumer) {
            config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
            config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
            config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
            config.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
            if (instanceId.isPresent() && !config.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
                String member = instanceId.get() + "-" + channel;
                config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member);
                Log.infof("channel %s joins group %s as static member %s", channel, config.get(ConsumerConfig.GROUP_ID_CONFIG), member);
            }
        } else {
            config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
            config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
            config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        }
    }
}
