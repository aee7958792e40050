package dev.recall.progress.card;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One learner's FSRS state for one item. */
@Entity
@Table(name = "card")
public class Card extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "item_id")
    public String itemId;
    public String state;
    public Instant due;
    public double stability;
    public double difficulty;
    @Column(name = "scheduled_days")
    public int scheduledDays;
    @Column(name = "learning_steps")
    public int learningSteps;
    public int reps;
    public int lapses;
    @Column(name = "last_review")
    public Instant lastReview;
    public boolean suspended;
    @Column(name = "buried_until")
    public Instant buriedUntil;
    @Column(name = "created_at")
    public Instant createdAt;
}
