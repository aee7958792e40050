package dev.recall.progress.enrollment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creates the missing cards for enrolled learners, in one statement each: when an item arrives and when
 * a learner enrols. Private items only ever become cards of their author. Idempotent (ON CONFLICT).
 */
@ApplicationScoped
public class CardFactory {

    private static final String INSERT_CARDS = """
            INSERT INTO card (id, tenant, user_id, item_id, due, created_at)
            SELECT gen_random_uuid(), i.tenant, e.user_id, i.item_id, now(), now()
            FROM item_projection i
            JOIN enrollment e ON e.tenant = i.tenant AND (
                   (e.kind = 'note' AND e.target = i.note_id)
                OR (e.kind = 'deck' AND e.target = i.deck_id)
                OR (e.kind = 'tag' AND e.target = ANY (i.tags)))
            WHERE NOT i.retired AND (i.visibility <> 'private' OR i.author_id = e.user_id) AND %s
            ON CONFLICT (tenant, user_id, item_id) DO NOTHING
            """;

    /**
     * Serialises card creation within a tenant. Without it, an enrolment and an item arriving at the same time
     * each miss the other's uncommitted row (READ COMMITTED) and no card is made. Held until the transaction ends.
     */
    public Uni<Void> lockTenant(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "recall.cards:" + tenant)
                .getSingleResult()).replaceWithVoid();
    }

    /** Cards for every enrolled learner of the items of one note. */
    public Uni<Void> forNote(String tenant, String noteId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        INSERT_CARDS.formatted("i.tenant = :tenant AND i.note_id = :noteId"))
                .setParameter("tenant", tenant).setParameter("noteId", noteId)
                .executeUpdate()).replaceWithVoid();
    }

    /** Cards for every item an enrolment covers; returns how many were created. */
    public Uni<Integer> forEnrollment(java.util.UUID enrollmentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        INSERT_CARDS.formatted("e.id = :id"))
                .setParameter("id", enrollmentId)
                .executeUpdate());
    }
}
