package dev.recall.quiz.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The newest version of a note this service applied. */
@Entity
@Table(name = "note_source")
public class NoteSource extends PanacheEntityBase {

    @Id
    @Column(name = "note_id")
    public String noteId;
    public String tenant;
    @Column(name = "author_id")
    public String authorId;
    public String visibility;
    public long version;
    public boolean deleted;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
