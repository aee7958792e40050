package dev.recall.quiz.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "quiz")
public class Quiz extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    @Column(name = "user_id")
    public String userId;
    public long seed;
    @Column(name = "created_at")
    public Instant createdAt;
}
