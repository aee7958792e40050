package dev.recall.progress.enrollment;

import dev.recall.progress.item.ItemVisibility;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Creates the missing cards for enrolled learners, in one statement each: when an item arrives and when
 * a learner enrols. Only items the learner may see become cards ({@link ItemVisibility}). Idempotent (ON CONFLICT on the
 * card's unique (tenant, user, item)).
 *
 * <p>An enrolment and an item arriving at the same time would each miss the other's uncommitted row (READ
 * COMMITTED) and make no card. Only an enrolment and an item that share a target (the note, the deck, or a
 * tag) can race, so both lock exactly those targets until their transaction ends: an enrolment takes its one
 * target exclusively, an item event takes its note, deck and tags shared. Items never wait for each other,
 * enrolments of different targets never wait for each other, and no tenant-wide lock exists. Whichever of
 * a racing pair commits second takes its lock after the first committed, so its statement sees the other's
 * row. The item side takes several keys in one sorted statement; an enrolment takes one, so no cycle can form.
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
            WHERE NOT i.retired AND %s AND %%s
            ON CONFLICT (tenant, user_id, item_id) DO NOTHING
            """.formatted(ItemVisibility.sql("i", "e.user_id"));

    /** The advisory-lock key of one enrolment target; 64 bits, so unrelated targets practically never share one. */
    public static String lockKey(String tenant, String kind, String target) {
        return "recall.cards:" + tenant + ":" + kind + ":" + target;
    }

    /** Held by an enrolment until its transaction ends: no item of this target makes cards meanwhile. */
    public Uni<Void> lockTarget(String tenant, String kind, String target) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", lockKey(tenant, kind, target))
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * Held by an item event until its transaction ends, on every target its items match (shared: items of the
     * same targets proceed together; only an enrolment in one of them waits).
     */
    public Uni<Void> lockItemTargets(String tenant, String noteId, String deckId, Collection<String> tags) {
        TreeSet<String> keys = new TreeSet<>();
        keys.add(lockKey(tenant, "note", noteId));
        if (deckId != null) {
            keys.add(lockKey(tenant, "deck", deckId));
        }
        for (String tag : tags) {
            keys.add(lockKey(tenant, "tag", tag));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT count(pg_advisory_xact_lock_shared(k)) FROM (
                            SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest(cast(:keys AS text[])) AS key ORDER BY 1) sorted""")
                .setParameter("keys", keys.toArray(String[]::new))
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
