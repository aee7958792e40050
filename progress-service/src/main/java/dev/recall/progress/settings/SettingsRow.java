package dev.recall.progress.settings;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The stored form of {@link LearnerSettings}. */
@Entity
@Table(name = "learner_settings")
@IdClass(SettingsRow.Key.class)
public class SettingsRow extends PanacheEntityBase {

    @Id
    public String tenant;
    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "day_start_hour")
    public int dayStartHour;
    @Column(name = "new_cards_per_day")
    public int newCardsPerDay;
    @Column(name = "reviews_per_day")
    public int reviewsPerDay;
    @Column(name = "desired_retention")
    public double desiredRetention;
    @Column(name = "maximum_interval")
    public int maximumInterval;
    @Column(name = "learning_steps")
    public String learningSteps;
    @Column(name = "relearning_steps")
    public String relearningSteps;
    @Column(name = "enable_short_term")
    public boolean enableShortTerm;
    @Column(name = "enable_fuzz")
    public boolean enableFuzz;
    public String weights;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String tenant;
        public String userId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenant, key.tenant) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, userId);
        }
    }
}
