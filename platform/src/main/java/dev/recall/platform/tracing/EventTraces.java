package dev.recall.platform.tracing;

import dev.recall.events.CloudEvent;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries the W3C trace context through events as the CloudEvents distributed-tracing extension
 * ({@code traceparent}, {@code tracestate}). The outbox relay publishes later, from its own thread, so the
 * request's context must travel in the event itself: record headers written by the relay would name the
 * relay, not the request that caused the event.
 */
public final class EventTraces {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<CloudEvent> FROM_EVENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(CloudEvent event) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(CloudEvent event, String key) {
            if (event == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> event.traceparent();
                case "tracestate" -> event.tracestate();
                default -> null;
            };
        }
    };

    private EventTraces() {
    }

    /** The current span's context as W3C fields ({@code traceparent}, maybe {@code tracestate}); empty outside a trace. */
    public static Map<String, String> current() {
        Map<String, String> fields = new HashMap<>();
        W3C.inject(Context.current(), fields, Map::put);
        return fields;
    }

    /** The context an event was sent in, as the parent of the consumer's span; the root when it carries none or a broken one. */
    public static Context parentOf(CloudEvent event) {
        return W3C.extract(Context.root(), event, FROM_EVENT);
    }
}
