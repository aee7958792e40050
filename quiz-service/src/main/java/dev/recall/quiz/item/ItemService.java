package dev.recall.quiz.item;

import dev.recall.events.EventCodec;
import dev.recall.events.ItemEvents;
import dev.recall.events.NoteEvents.NoteSnapshot;
import dev.recall.platform.outbox.Outbox;
import dev.recall.platform.outbox.Parts;
import dev.recall.platform.worker.WorkerPool;
import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.Generator;
import dev.recall.quiz.generation.ItemMatcher;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteInput;
import dev.recall.quiz.generation.QuizItem;
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

    private final Generator generator = new Generator();

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
            NoteVersions.requireReachable(note.noteId(), source == null ? null : source.version, note.version());
            // Consumers filter private items by the note's author and visibility: resend all items when those change.
            boolean accessChanged = source != null && source.accessDiffers(note.visibility(), note.authorId());
            NoteSource updated = source != null ? source : new NoteSource();
            updated.noteId = note.noteId();
            updated.tenant = note.tenant();
            updated.authorId = note.authorId();
            updated.visibility = note.visibility();
            updated.version = note.version();
            updated.deleted = false;
            updated.updatedAt = Instant.now();
            return updated.persist().chain(() -> reconcile(note, accessChanged));
        });
    }

    /** A deleted note retires all its items. */
    public Uni<Void> deleteNote(String eventTenant, String noteId, long version) {
        return NoteSource.<NoteSource>findById(noteId).chain(source -> {
            if (source == null || !source.tenant.equals(eventTenant) || source.version > version) {
                return Uni.createFrom().voidItem();
            }
            NoteVersions.requireReachable(noteId, source.version, version);
            source.deleted = true;
            source.version = version;
            return Item.<Item>list("noteId = ?1 and retiredAt is null", noteId).chain(items -> retire(eventTenant, noteId, version, items));
        });
    }

    private Uni<Void> reconcile(NoteSnapshot note, boolean resendAll) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Item.<Item>list("noteId = ?1", note.noteId()).chain(existing -> generate(existing, note).chain(generated -> {
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
            Log.infof("note %s version %d: %d items, %d new, %d changed, %d retired", note.noteId(), note.version(),
                    generated.size(), created.size(), changed.size(), gone.size());
            List<Item> upserted = new ArrayList<>(changed);
            upserted.addAll(created);
            Uni<Void> write = created.isEmpty() ? Uni.createFrom().voidItem() : Item.persist(created);
            // Items travel as deltas, so a large set may be split over several events (each within the
            // event limit, in order on the note's key): consumers apply each part on its own.
            for (List<ItemEvents.Item> part : Parts.split(upserted.stream().map(ItemService::toEvent).toList(),
                    ItemService::jsonBytes, partBudget())) {
                write = write.chain(() -> outbox.append(note.noteId(), note.tenant(), new ItemEvents.ItemsUpserted(note.noteId(),
                        note.tenant(), note.authorId(), note.visibility(), note.deckId(), note.version(), part))).replaceWithVoid();
            }
            return write.chain(() -> retire(note.tenant(), note.noteId(), note.version(), gone));
        }));
    }

    /**
     * Regenerates the note's items and lets reworded items keep the ids of the items they replace. On a worker
     * thread: a 1 MB note takes about a second of CPU, which must not hold the event loop that carries the
     * consumer and HTTP; the result comes back on the caller's context, so the session carries on.
     */
    Uni<List<GeneratedItem>> generate(List<Item> existing, NoteSnapshot note) {
        List<QuizItem> previous = existing.stream().map(ItemService::asQuizItem).toList();
        NoteInput input = new NoteInput(note.noteId(), note.markdown(), note.tags());
        return WorkerPool.call(() -> ItemMatcher.rematch(previous, generator.generate(input)).stream().map(GeneratedItem::of).toList());
    }

    private Uni<Void> retire(String tenant, String noteId, long version, List<Item> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        items.forEach(item -> item.retiredAt = now);
        Uni<Void> write = Uni.createFrom().voidItem();
        for (List<String> part : Parts.split(items.stream().map(item -> item.id).toList(), id -> Outbox.utf8Length(id) + 3, partBudget())) {
            write = write.chain(() -> outbox.append(noteId, tenant, new ItemEvents.ItemsRetired(noteId, tenant, version, part))).replaceWithVoid();
        }
        return write;
    }

    /** Bytes one part's items may take: the event limit less room for the envelope and the note's fields. */
    private long partBudget() {
        return outbox.maxEventBytes() - ENVELOPE_ROOM;
    }

    /** Room for the CloudEvents envelope and the event's other fields (ids, tenant, visibility, deck). */
    private static final long ENVELOPE_ROOM = 16 * 1024;

    private static long jsonBytes(ItemEvents.Item item) {
        try {
            return Outbox.utf8Length(EventCodec.mapper().writeValueAsString(item)) + 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameContent(Item item, GeneratedItem g, NoteSnapshot note) {
        return item.type.equals(g.type()) && item.prompt.equals(g.prompt())
                && Arrays.equals(item.answers, g.answers().toArray(String[]::new))
                && Arrays.equals(item.options, g.options() == null ? null : g.options().toArray(String[]::new))
                && Arrays.equals(item.headingPath, g.headingPath().toArray(String[]::new))
                && Objects.equals(item.sectionId, g.sectionId())
                && Objects.equals(item.explanation, g.explanation())
                && item.startLine == g.startLine() && item.endLine == g.endLine()
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
        item.sectionId = g.sectionId();
        item.explanation = g.explanation();
        item.tags = note.tags().toArray(String[]::new);
        item.noteVersion = note.version();
        item.updatedAt = now;
        item.retiredAt = null;
        item.startLine = g.startLine();
        item.endLine = g.endLine();
        item.difficulty = g.difficulty();
        item.generator = g.generator();
    }

    static QuizItem asQuizItem(Item item) {
        return new QuizItem(item.id, ItemType.valueOf(item.type), item.prompt, List.of(item.answers),
                item.options == null ? null : List.of(item.options), item.explanation, List.of(item.headingPath), item.sectionId, item.startLine,
                item.endLine, List.of(item.tags), Difficulty.valueOf(item.difficulty), item.generator);
    }

    static ItemEvents.Item toEvent(Item item) {
        return new ItemEvents.Item(item.id, item.type, item.prompt, List.of(item.answers),
                item.options == null ? null : List.of(item.options), List.of(item.headingPath), item.explanation, List.of(item.tags));
    }
}
