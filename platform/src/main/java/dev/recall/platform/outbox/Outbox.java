package dev.recall.platform.outbox;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.EventData;
import dev.recall.events.EventType;
import dev.recall.platform.tracing.EventTraces;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Map;

/**
 * Appends events to the outbox table in the caller's current transaction, so the state change and
 * its event commit together or not at all. Each event carries the trace it was made in ({@link EventTraces}).
 * {@link OutboxRelay} moves committed rows to Kafka; it is woken after the commit by {@link WakeRelayAfterCommit},
 * so callers only append.
 */
@ApplicationScoped
public class Outbox {

    /** Context-local mark: this request or message appended an event (read by {@link WakeRelayAfterCommit}). */
    private static final String APPENDED = Outbox.class.getName() + ".appended";

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** The largest event, as UTF-8 JSON; the Kafka limits (producer, broker, topics) leave room above it. */
    @ConfigProperty(name = "recall.events.max-bytes", defaultValue = "4194304")
    int maxEventBytes;

    /**
     * Must run inside a {@code @WithTransaction} method. Returns the envelope that will be published.
     * Fails with {@link EventTooLargeException} (and so rolls the transaction back) when the event would
     * be larger than {@link #maxEventBytes()}.
     */
    public Uni<CloudEvent> append(String key, String tenant, EventData data) {
        Map<String, String> trace = EventTraces.current();
        CloudEvent event = EventCodec.envelope("/" + source, key, tenant, data, Instant.now(),
                trace.get("traceparent"), trace.get("tracestate"));
        EventType type = EventType.of(data);
        String topic = type.topic();
        String payload = EventCodec.toJson(event);
        long bytes = utf8Length(payload);
        if (bytes > maxEventBytes) {
            return Uni.createFrom().failure(new EventTooLargeException(type.name(), bytes, maxEventBytes));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO outbox_event (event_id, topic, record_key, payload) VALUES (:id, :topic, :key, :payload)")
                .setParameter("id", event.id())
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("payload", payload)
                .executeUpdate())
                .invoke(() -> {
                    Context context = Vertx.currentContext();
                    if (context != null && VertxContext.isDuplicatedContext(context)) {
                        context.putLocal(APPENDED, Boolean.TRUE);
                    }
                })
                .replaceWith(event);
    }

    /** The largest event this outbox accepts, in bytes of UTF-8 JSON. */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /** Bytes of {@code text} in UTF-8 as the JDK encodes it, without encoding it. */
    public static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1; // a lone surrogate: the JDK's encoder writes '?'
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** True when this request or message appended an event, or when that cannot be known (no duplicated context). */
    static boolean mayHaveAppended(Context context) {
        return context == null || !VertxContext.isDuplicatedContext(context) || Boolean.TRUE.equals(context.getLocal(APPENDED));
    }
}
