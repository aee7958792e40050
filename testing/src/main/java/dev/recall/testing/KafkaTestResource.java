package dev.recall.testing;

import dev.recall.launchers.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts one real Kafka broker per test JVM (fresh data each run) and points the service at it.
 * Use with {@code @QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.startFresh();
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the JVM's other test classes; a shutdown hook stops it
    }
}
