package dev.recall.content.note;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "author_id")
    public String authorId;
    public String title;
    public String markdown;
    public String[] tags;
    @Column(name = "deck_id")
    public String deckId;
    public String language;
    public String visibility;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
