package dev.recall.platform.outbox;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.EventData;
import dev.recall.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Appends events to the outbox table in the caller's current transaction, so the state change and
 * its event commit together or not at all. {@link OutboxRelay} moves committed rows to Kafka.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Must be called inside {@code Panache.withTransaction}. Returns the envelope that will be published. */
    public Uni<CloudEvent> append(String key, String tenant, EventData data) {
        CloudEvent event = EventCodec.envelope("/" + source, key, tenant, data, Instant.now());
        String topic = EventType.of(data).topic();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO outbox_event (event_id, topic, record_key, payload) VALUES (:id, :topic, :key, :payload)")
                .setParameter("id", event.id())
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("payload", EventCodec.toJson(event))
                .executeUpdate())
                .replaceWith(event);
    }

    /** Call after the transaction committed, so the relay publishes without waiting for its next poll. */
    public void committed() {
        relay.nudge();
    }
}
