package dev.recall.progress.messaging;

import dev.recall.events.EventCodec;
import dev.recall.events.EventData;
import dev.recall.events.ItemEvents;
import dev.recall.platform.inbox.Inbox;
import dev.recall.progress.item.ItemProjector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** quiz.items.v1 → the item projection and new cards for enrolled learners, once per event. */
@ApplicationScoped
public class ItemConsumer {

    static final String CONSUMER = "progress-service.items";

    @Inject
    Inbox inbox;

    @Inject
    ItemProjector projector;

    @Incoming("items")
    public Uni<Void> consume(String json) {
        return inbox.consume(CONSUMER, json, event -> {
            EventData data = EventCodec.data(event);
            if (data instanceof ItemEvents.ItemsUpserted upserted) {
                return projector.upsert(event.tenant(), upserted);
            }
            if (data instanceof ItemEvents.ItemsRetired retired) {
                return projector.retire(event.tenant(), retired);
            }
            throw new IllegalArgumentException("unexpected event " + event.type() + " on the items topic");
        });
    }
}
