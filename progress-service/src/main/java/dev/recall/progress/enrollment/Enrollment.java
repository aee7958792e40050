package dev.recall.progress.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A learner follows a note, a deck or a tag. */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "user_id")
    public String userId;
    public String kind;
    public String target;
    @Column(name = "created_at")
    public Instant createdAt;
}
