package dev.recall.quiz.item;

import dev.recall.events.ItemEvents;
import dev.recall.events.NoteEvents.NoteSnapshot;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.outbox.Outbox;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keeps the items of each note in step with the note, and publishes only what changed. */
@ApplicationScoped
public class ItemService {

    @Inject
    Outbox outbox;

    /** Regenerates a note's items. Runs inside the consumer's transaction; an older version is ignored. */
    public Uni<Void> applyNote(String eventTenant, NoteSnapshot note) {
        if (!Objects.equals(eventTenant, note.tenant())) {
            throw new IllegalArgumentException("event tenant " + eventTenant + " differs from the note's " + note.tenant());
        }
        return NoteSource.<NoteSource>findById(note.noteId()).chain(source -> {
            if (source != null && !source.tenant.equals(note.tenant())) {
                throw new IllegalArgumentException("note " + note.noteId() + " belongs to another tenant");
            }
            if (source != null && source.version >= note.version()) {
                Log.debugf("note %s version %d is not newer than %d: ignored", note.noteId(), note.version(), source.version);
                return Uni.createFrom().voidItem();
            }
            // Consumers filter private items by the note's author and visibility: resend all items when those change.
            boolean accessChanged = source != null
                    && !(source.visibility.equals(note.visibility()) && source.authorId.equals(note.authorId()));
            NoteSource updated = source != null ? source : new NoteSource();
            updated.noteId = note.noteId();
            updated.tenant = note.tenant();
            updated.authorId = note.authorId();
            updated.visibility = note.visibility();
            updated.version = note.version();
            updated.deleted = false;
            updated.updatedAt = Instant.now();
            List<GeneratedItem> generated = ExplicitCards.generate(note.noteId(), note.markdown());
            return updated.persist().chain(() -> reconcile(note, generated, accessChanged));
        });
    }

    /** A deleted note retires all its items. */
    public Uni<Void> deleteNote(String eventTenant, String noteId, long version) {
        return NoteSource.<NoteSource>findById(noteId).chain(source -> {
            if (source == null || !source.tenant.equals(eventTenant) || source.version > version) {
                return Uni.createFrom().voidItem();
            }
            source.deleted = true;
            source.version = version;
            return Item.<Item>list("noteId = ?1 and retiredAt is null", noteId).chain(items -> retire(eventTenant, noteId, version, items));
        });
    }

    private Uni<Void> reconcile(NoteSnapshot note, List<GeneratedItem> generated, boolean resendAll) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Item.<Item>list("noteId = ?1", note.noteId()).chain(existing -> {
            Map<String, Item> byId = new LinkedHashMap<>();
            existing.forEach(item -> byId.put(item.id, item));
            List<Item> changed = new ArrayList<>();
            List<Item> created = new ArrayList<>();
            for (GeneratedItem g : generated) {
                Item item = byId.remove(g.id());
                boolean isNew = item == null;
                if (isNew) {
                    item = new Item();
                    item.id = g.id();
                    item.createdAt = now;
                }
                if (isNew || resendAll || item.retiredAt != null || !sameContent(item, g, note)) {
                    fill(item, g, note, now);
                    (isNew ? created : changed).add(item);
                }
            }
            List<Item> gone = byId.values().stream().filter(item -> item.retiredAt == null).toList();
            List<Item> upserted = new ArrayList<>(changed);
            upserted.addAll(created);
            Uni<Void> write = created.isEmpty() ? Uni.createFrom().voidItem() : Item.persist(created);
            if (!upserted.isEmpty()) {
                write = write.chain(() -> outbox.append(note.noteId(), note.tenant(), new ItemEvents.ItemsUpserted(note.noteId(),
                        note.tenant(), note.authorId(), note.visibility(), note.deckId(), note.version(), upserted.stream().map(ItemService::toEvent).toList()))).replaceWithVoid();
            }
            return write.chain(() -> retire(note.tenant(), note.noteId(), note.version(), gone));
        });
    }

    private Uni<Void> retire(String tenant, String noteId, long version, List<Item> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        items.forEach(item -> item.retiredAt = now);
        return outbox.append(noteId, tenant, new ItemEvents.ItemsRetired(noteId, tenant, version,
                items.stream().map(item -> item.id).toList())).replaceWithVoid();
    }

    private static boolean sameContent(Item item, GeneratedItem g, NoteSnapshot note) {
        return item.type.equals(g.type()) && item.prompt.equals(g.prompt())
                && Arrays.equals(item.answers, g.answers().toArray(String[]::new))
                && Arrays.equals(item.options, g.options() == null ? null : g.options().toArray(String[]::new))
                && Arrays.equals(item.headingPath, g.headingPath().toArray(String[]::new))
                && Objects.equals(item.explanation, g.explanation())
                && Objects.equals(item.deckId, note.deckId())
                && Arrays.equals(item.tags, note.tags().toArray(String[]::new));
    }

    private static void fill(Item item, GeneratedItem g, NoteSnapshot note, Instant now) {
        item.tenant = note.tenant();
        item.noteId = note.noteId();
        item.deckId = note.deckId();
        item.type = g.type();
        item.prompt = g.prompt();
        item.answers = g.answers().toArray(String[]::new);
        item.options = g.options() == null ? null : g.options().toArray(String[]::new);
        item.headingPath = g.headingPath().toArray(String[]::new);
        item.explanation = g.explanation();
        item.tags = note.tags().toArray(String[]::new);
        item.noteVersion = note.version();
        item.updatedAt = now;
        item.retiredAt = null;
    }

    static ItemEvents.Item toEvent(Item item) {
        return new ItemEvents.Item(item.id, item.type, item.prompt, List.of(item.answers),
                item.options == null ? null : List.of(item.options), List.of(item.headingPath), item.explanation, List.of(item.tags));
    }

    /** The active items of a note the caller may see, in a stable order, one page at a time. */
    public Uni<ItemPage> list(Caller caller, String noteId, int limit, String cursor) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalid("limit", "must be between 1 and 200");
        }
        String tenant = caller.tenant();
        String userId = caller.userId();
        boolean admin = caller.is(Caller.ADMIN);
        String after = cursor == null ? "" : cursor;
        return Panache.withSession(() -> Item.<Item>find(
                        "from Item i where i.tenant = ?1 and i.noteId = ?2 and i.retiredAt is null and i.id > ?3 "
                                + "and exists (from NoteSource s where s.noteId = i.noteId and s.deleted = false "
                                + "and (s.visibility <> 'private' or s.authorId = ?4 or ?5 = true)) order by i.id",
                        tenant, noteId, after, userId, admin)
                .page(0, limit + 1).list())
                .map(items -> {
                    boolean more = items.size() > limit;
                    List<Item> page = more ? items.subList(0, limit) : items;
                    return new ItemPage(page.stream().map(ItemService::toEvent).toList(),
                            more ? page.get(page.size() - 1).id : null);
                });
    }

    /** One page of items; {@code nextCursor} is null on the last page. */
    public record ItemPage(List<ItemEvents.Item> items, String nextCursor) {
    }
}
