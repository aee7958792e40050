package dev.recall.content.deck;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A folder of notes; decks nest through {@code parentId}. Visible to the whole tenant, written by its owner or an admin. */
@Entity
@Table(name = "deck")
public class Deck extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "owner_id")
    public String ownerId;
    public String name;
    @Column(name = "parent_id")
    public UUID parentId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
