package dev.recall.progress.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One review, append-only; {@code cardBefore} lets undo restore the card exactly. */
@Entity
@Table(name = "review_log")
public class ReviewLog extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "card_id")
    public UUID cardId;
    public int rating;
    public String source;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "duration_ms")
    public Long durationMs;
    @Column(name = "state_before")
    public String stateBefore;
    @Column(name = "due_before")
    public Instant dueBefore;
    @Column(name = "state_after")
    public String stateAfter;
    @Column(name = "due_after")
    public Instant dueAfter;
    public double stability;
    public double difficulty;
    @Column(name = "scheduled_days")
    public int scheduledDays;
    @Column(name = "card_before")
    public String cardBefore;
    public boolean undone;
}
