package dev.recall.platform.inbox;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.Function;

/**
 * Applies consumed events exactly once: the event id is recorded in {@code processed_event} in the
 * same transaction as the effect, so a redelivery finds it and does nothing.
 *
 * <p>Failures that no retry can fix ({@link MalformedEventException}, {@link IllegalArgumentException})
 * fail the message at once, which sends it to the channel's dead-letter topic; other failures (the
 * database away, a serialisation conflict) are retried with back-off first.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    MeterRegistry registry;

    public Uni<Void> consume(String consumer, String json, Function<CloudEvent, Uni<Void>> effect) {
        CloudEvent event;
        try {
            event = EventCodec.parse(json);
        } catch (MalformedEventException e) {
            registry.counter("recall.events.rejected", "consumer", consumer).increment();
            return Uni.createFrom().failure(e);
        }
        // deferred: each retry calls applyOnce again, so it runs in a fresh transaction
        return Uni.createFrom().deferred(() -> applyOnce(consumer, event, effect))
                .onFailure(Inbox::retryable).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .invoke(() -> registry.counter("recall.events.applied", "consumer", consumer).increment())
                .onFailure().invoke(e -> Log.warnf("%s: event %s (%s) rejected: %s", consumer, event.id(), event.type(), e.getMessage()));
    }

    /** The effect and the record of the event id in one transaction; a redelivery does nothing. */
    @WithTransaction
    Uni<Void> applyOnce(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> effect) {
        return firstDelivery(consumer, event.id()).chain(first -> {
            if (!first) {
                Log.debugf("%s: event %s already applied, skipped", consumer, event.id());
                registry.counter("recall.events.duplicates", "consumer", consumer).increment();
                return Uni.createFrom().voidItem();
            }
            return effect.apply(event);
        });
    }

    /** Records the event id; false when it was recorded before (a redelivery). */
    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    static boolean retryable(Throwable failure) {
        return !(failure instanceof MalformedEventException) && !(failure instanceof IllegalArgumentException);
    }
}
