package dev.recall.content.note;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One immutable version of a note (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "note_version")
@IdClass(NoteVersion.Key.class)
public class NoteVersion extends PanacheEntityBase {

    @Id
    @Column(name = "note_id")
    public UUID noteId;
    @Id
    public long version;
    public String change;
    public String title;
    public String markdown;
    public String[] tags;
    @Column(name = "deck_id")
    public String deckId;
    public String language;
    public String visibility;
    @Column(name = "edited_by")
    public String editedBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public static NoteVersion of(Note note, String change, String editedBy) {
        NoteVersion v = new NoteVersion();
        v.noteId = note.id;
        v.version = note.version;
        v.change = change;
        v.title = note.title;
        v.markdown = note.markdown;
        v.tags = note.tags;
        v.deckId = note.deckId;
        v.language = note.language;
        v.visibility = note.visibility;
        v.editedBy = editedBy;
        v.createdAt = note.updatedAt;
        return v;
    }

    public static class Key implements Serializable {
        public UUID noteId;
        public long version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(noteId, k.noteId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(noteId, version);
        }
    }
}
