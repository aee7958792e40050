package dev.recall.quiz.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One item of a quiz, with its options in the order this learner sees them. */
@Entity
@Table(name = "quiz_item")
@IdClass(QuizEntry.Key.class)
public class QuizEntry extends PanacheEntityBase {
    @Id
    @Column(name = "quiz_id")
    public UUID quizId;
    @Id
    public int position;
    @Column(name = "item_id")
    public String itemId;
    public String[] options;

    public static class Key implements Serializable {
        public UUID quizId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(quizId, k.quizId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(quizId, position);
        }
    }
}
