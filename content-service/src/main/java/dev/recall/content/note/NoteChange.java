package dev.recall.content.note;

import dev.recall.events.EventData;
import dev.recall.events.NoteEvents;

import java.util.List;

/**
 * What a write did to a note: the word its version row records and the one event it publishes. Consumers
 * treat NotePublished as "this note exists (again)", NoteUpdated as "it changed", NoteDeleted as "it is gone".
 */
enum NoteChange {
    CREATED("created"),
    UPDATED("updated"),
    MOVED("moved"),
    DELETED("deleted"),
    RESTORED("restored");

    final String label;

    NoteChange(String label) {
        this.label = label;
    }

    EventData event(Note note) {
        return switch (this) {
            case CREATED, RESTORED -> new NoteEvents.NotePublished(snapshot(note));
            case UPDATED, MOVED -> new NoteEvents.NoteUpdated(snapshot(note));
            case DELETED -> new NoteEvents.NoteDeleted(note.id.toString(), note.tenant, note.version, note.deletedAt);
        };
    }

    static NoteEvents.NoteSnapshot snapshot(Note note) {
        return new NoteEvents.NoteSnapshot(note.id.toString(), note.tenant, note.authorId, note.title, note.markdown,
                List.of(note.tags), note.deckId, note.language, note.visibility, note.version, note.outline(),
                note.updatedAt);
    }
}
