package dev.recall.progress.item;

import dev.recall.events.ItemEvents;
import dev.recall.progress.enrollment.CardFactory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies item events to the projection. A reworded item keeps its id, so its cards and their history
 * stay; a retired item hides its cards from every queue (they come back if the item does).
 */
@ApplicationScoped
public class ItemProjector {

    @Inject
    CardFactory cards;

    public Uni<Void> upsert(String eventTenant, ItemEvents.ItemsUpserted event) {
        requireSameTenant(eventTenant, event.tenant());
        Instant now = Instant.now();
        java.util.Set<String> tags = new java.util.TreeSet<>();
        for (ItemEvents.Item item : event.items()) {
            if (item.tags() != null) {
                tags.addAll(item.tags());
            }
        }
        return cards.lockItemTargets(event.tenant(), event.noteId(), event.deckId(), tags).chain(() -> ItemProjection.<ItemProjection>list("noteId", event.noteId())).chain(existing -> {
            Map<String, ItemProjection> byId = existing.stream().collect(Collectors.toMap(i -> i.itemId, Function.identity()));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ItemEvents.Item item : event.items()) {
                ItemProjection row = byId.get(item.itemId());
                if (row != null && !row.tenant.equals(event.tenant())) {
                    throw new IllegalArgumentException("item " + item.itemId() + " belongs to another tenant");
                }
                if (row != null && row.noteVersion > event.noteVersion()) {
                    continue; // a newer version of this item is already here
                }
                boolean isNew = row == null;
                ItemProjection target = isNew ? new ItemProjection() : row;
                target.itemId = item.itemId();
                target.tenant = event.tenant();
                target.noteId = event.noteId();
                target.authorId = event.authorId();
                target.visibility = event.visibility();
                target.deckId = event.deckId();
                target.type = item.type();
                target.prompt = item.prompt();
                target.answers = item.answers().toArray(String[]::new);
                target.options = item.options() == null ? null : item.options().toArray(String[]::new);
                target.headingPath = item.headingPath() == null ? new String[0] : item.headingPath().toArray(String[]::new);
                target.explanation = item.explanation();
                target.tags = item.tags() == null ? new String[0] : item.tags().toArray(String[]::new);
                target.noteVersion = event.noteVersion();
                target.retired = false;
                target.updatedAt = now;
                if (isNew) {
                    chain = chain.chain(() -> target.persist()).replaceWithVoid();
                }
            }
            return chain.call(() -> Panache.getSession().chain(session -> session.flush())).chain(() -> cards.forNote(event.tenant(), event.noteId()));
        });
    }

    public Uni<Void> retire(String eventTenant, ItemEvents.ItemsRetired event) {
        requireSameTenant(eventTenant, event.tenant());
        List<String> ids = event.itemIds();
        return ItemProjection.update("retired = true, updatedAt = ?1 where tenant = ?2 and itemId in ?3 and noteVersion <= ?4",
                Instant.now(), event.tenant(), ids, event.noteVersion()).replaceWithVoid();
    }

    private static void requireSameTenant(String eventTenant, String dataTenant) {
        if (eventTenant == null || !eventTenant.equals(dataTenant)) {
            throw new IllegalArgumentException("event tenant " + eventTenant + " differs from its data's " + dataTenant);
        }
    }
}
