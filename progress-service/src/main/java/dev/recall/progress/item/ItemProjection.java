package dev.recall.progress.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A quiz item as progress-service needs it; kept up to date from quiz.items.v1. */
@Entity
@Table(name = "item_projection")
public class ItemProjection extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public String itemId;
    public String tenant;
    @Column(name = "note_id")
    public String noteId;
    @Column(name = "author_id")
    public String authorId;
    public String visibility;
    @Column(name = "deck_id")
    public String deckId;
    public String type;
    public String prompt;
    public String[] answers;
    public String[] options;
    @Column(name = "heading_path")
    public String[] headingPath;
    public String explanation;
    public String[] tags;
    @Column(name = "note_version")
    public long noteVersion;
    public boolean retired;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
