package dev.recall.platform.inbox;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.EventContract;
import dev.recall.events.MalformedEventException;
import dev.recall.platform.outbox.EventTooLargeException;
import dev.recall.platform.tracing.EventTraces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies consumed events exactly once: the event id is recorded in {@code processed_event} in the
 * same transaction as the effect, so a redelivery finds it and does nothing.
 *
 * <p>An event is first checked against its JSON Schema; one that breaks it, or a domain rule
 * ({@link MalformedEventException}, {@link IllegalArgumentException}), fails at once and the connector
 * parks it on the channel's dead-letter topic with that reason. Every other failure (the database away,
 * a serialisation conflict, a dropped connection) is transient: it is retried without limit, with
 * growing pauses, and never dead-lettered — the partition waits, which is what keeps events in order.
 *
 * <p>Each retry runs on the Vert.x context the message arrived on: Hibernate Reactive refuses to run
 * anywhere else (HR000068), which is what Mutiny's plain {@code retry().withBackOff()} gets wrong, since
 * it resubscribes from a worker thread.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "recall.inbox.retry.initial", defaultValue = "PT0.2S")
    Duration initialBackoff;

    @ConfigProperty(name = "recall.inbox.retry.max", defaultValue = "PT10S")
    Duration maxBackoff;

    public Uni<Void> consume(String consumer, String json, Function<CloudEvent, Uni<Void>> effect) {
        CloudEvent event;
        try {
            event = EventCodec.parse(json);
            List<String> violations = EventContract.violations(json);
            if (!violations.isEmpty()) {
                throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") breaks its schema: "
                        + String.join("; ", violations));
            }
        } catch (MalformedEventException e) {
            registry.counter("recall.events.rejected", "consumer", consumer).increment();
            Log.warnf("%s: record rejected: %s", consumer, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().deferred(() -> {
            // The span continues the trace the event was sent in and stays current (with the tenant in the
            // log context) on this message's Vert.x context until the effect and its retries are over.
            Span span = tracer.spanBuilder(consumer + " process " + event.type().substring(event.type().lastIndexOf('.') + 1)).setSpanKind(SpanKind.CONSUMER)
                    .setParent(EventTraces.parentOf(event))
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.message.id", event.id())
                    .setAttribute("cloudevents.event_type", event.type())
                    .setAttribute("messaging.consumer.group.name", consumer)
                    .setAttribute("recall.tenant", event.tenant() == null ? "" : event.tenant())
                    .startSpan();
            Scope scope = span.makeCurrent();
            if (event.tenant() != null) {
                MDC.put("tenant", event.tenant());
            }
            return applyWithRetries(consumer, event, effect).onTermination().invoke((done, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure).setStatus(StatusCode.ERROR);
                }
                MDC.remove("tenant");
                scope.close();
                span.end();
            });
        });
    }

    private Uni<Void> applyWithRetries(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> effect) {
        Context context = Vertx.currentContext();
        AtomicInteger attempt = new AtomicInteger();
        return Uni.createFrom().deferred(() -> applyOnce(consumer, event, effect))
                .onFailure(Inbox::retryable).recoverWithUni(failure -> retryLater(consumer, event, effect, context, attempt, failure))
                .invoke(() -> registry.counter("recall.events.applied", "consumer", consumer).increment())
                .onFailure().invoke(e -> {
                    registry.counter("recall.events.rejected", "consumer", consumer).increment();
                    Log.warnf("%s: event %s (%s) rejected: %s", consumer, event.id(), event.type(), e.getMessage());
                });
    }

    /** Waits, then tries again on the message's own Vert.x context; recurses while the failure stays transient. */
    private Uni<Void> retryLater(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> effect,
                                 Context context, AtomicInteger attempt, Throwable failure) {
        int n = attempt.incrementAndGet();
        Duration pause = Backoff.pause(initialBackoff, maxBackoff, n);
        registry.counter("recall.events.retries", "consumer", consumer).increment();
        Log.warnf("%s: event %s (%s) failed (attempt %d: %s); retrying in %d ms", consumer, event.id(), event.type(), n,
                failure, pause.toMillis());
        Uni<Void> again = Uni.createFrom().emitter(emitter -> {
            Runnable run = () -> applyOnce(consumer, event, effect).subscribe().with(emitter::complete, emitter::fail);
            if (context == null) {
                // Not on Vert.x (a plain unit test): nothing to return to; Hibernate Reactive is not involved then.
                Uni.createFrom().voidItem().onItem().delayIt().by(pause).subscribe().with(v -> run.run(), emitter::fail);
            } else {
                context.owner().setTimer(Math.max(1, pause.toMillis()), id -> context.runOnContext(v -> run.run()));
            }
        });
        return again.onFailure(Inbox::retryable)
                .recoverWithUni(next -> retryLater(consumer, event, effect, context, attempt, next));
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

    /** Only a broken event can never succeed; anything else (database, network, conflicts) may next time. */
    static boolean retryable(Throwable failure) {
        return !(failure instanceof MalformedEventException) && !(failure instanceof IllegalArgumentException)
                && !(failure instanceof EventTooLargeException);
    }
}
