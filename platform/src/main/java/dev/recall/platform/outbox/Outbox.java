package dev.recall.platform.outbox;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.EventData;
import dev.recall.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Appends events to the outbox table in the caller's current transaction, so the state change and
 * its event commit together or not at all. {@link OutboxRelay} moves committed rows to Kafka; it is
 * woken after the commit by {@link WakeRelayAfterCommit}, so callers only append.
 */
@ApplicationScoped
public class Outbox {

    /** Context-local mark: this request or message appended an event (read by {@link WakeRelayAfterCommit}). */
    private static final String APPENDED = Outbox.class.getName() + ".appended";

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Must run inside a {@code @WithTransaction} method. Returns the envelope that will be published. */
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
                .invoke(() -> {
                    Context context = Vertx.currentContext();
                    if (context != null && VertxContext.isDuplicatedContext(context)) {
                        context.putLocal(APPENDED, Boolean.TRUE);
                    }
                })
                .replaceWith(event);
    }

    /** True when this request or message appended an event, or when that cannot be known (no duplicated context). */
    static boolean mayHaveAppended(Context context) {
        return context == null || !VertxContext.isDuplicatedContext(context) || Boolean.TRUE.equals(context.getLocal(APPENDED));
    }
}
