package dev.recall.quiz.messaging;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.EventData;
import dev.recall.events.NoteEvents;
import dev.recall.platform.inbox.Inbox;
import dev.recall.quiz.item.ItemService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** content.notes.v1 → regenerate the note's items, once per event. */
@ApplicationScoped
public class NoteConsumer {

    static final String CONSUMER = "quiz-service.notes";

    @Inject
    Inbox inbox;

    @Inject
    ItemService items;

    @Incoming("notes")
    public Uni<Void> consume(String json) {
        return inbox.consume(CONSUMER, json, event -> {
            EventData data = EventCodec.data(event);
            if (data instanceof NoteEvents.NotePublished published) {
                requireSubject(event, published.note().noteId());
                return items.applyNote(event.tenant(), published.note());
            }
            if (data instanceof NoteEvents.NoteUpdated updated) {
                requireSubject(event, updated.note().noteId());
                return items.applyNote(event.tenant(), updated.note());
            }
            if (data instanceof NoteEvents.NoteDeleted deleted) {
                requireSubject(event, deleted.noteId());
                if (!deleted.tenant().equals(event.tenant())) {
                    throw new IllegalArgumentException("event tenant " + event.tenant() + " differs from the note's " + deleted.tenant());
                }
                return items.deleteNote(event.tenant(), deleted.noteId(), deleted.version());
            }
            throw new IllegalArgumentException("unexpected event " + event.type() + " on the notes topic");
        });
    }

    /** The envelope's subject is the note id (also the record key, which keeps one note's events in order). */
    private static void requireSubject(CloudEvent event, String noteId) {
        if (event.subject() != null && !event.subject().equals(noteId)) {
            throw new IllegalArgumentException("event subject " + event.subject() + " differs from its note " + noteId);
        }
    }
}
