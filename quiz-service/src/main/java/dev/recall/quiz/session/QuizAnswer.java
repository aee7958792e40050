package dev.recall.quiz.session;

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

/** A graded answer: one per item and quiz. */
@Entity
@Table(name = "quiz_answer")
@IdClass(QuizAnswer.Key.class)
public class QuizAnswer extends PanacheEntityBase {
    @Id
    @Column(name = "quiz_id")
    public UUID quizId;
    @Id
    @Column(name = "item_id")
    public String itemId;
    public String given;
    public boolean correct;
    @Column(name = "latency_ms")
    public long latencyMs;
    @Column(name = "answered_at")
    public Instant answeredAt;

    public static class Key implements Serializable {
        public UUID quizId;
        public String itemId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(quizId, k.quizId) && Objects.equals(itemId, k.itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(quizId, itemId);
        }
    }
}
