package dev.recall.content.access;

import dev.recall.content.note.Note;
import dev.recall.platform.auth.Caller;

/**
 * The caller of one request, read once from the request-scoped {@link Caller} so reactive chains can use
 * it on any thread. The service's access rules live here and nowhere else, once in Java (for a loaded
 * note) and once in SQL (for lists, counts and search), side by side so they cannot drift apart:
 * <ul>
 *   <li>nothing crosses tenants (every query is scoped by {@link #tenant()});</li>
 *   <li>anyone of the tenant reads notes with visibility {@code tenant} or {@code public}, and their own;</li>
 *   <li>authors write their own notes and decks; admins of the tenant read and manage all of the tenant's;</li>
 *   <li>learners only read.</li>
 * </ul>
 */
public record Actor(String tenant, String userId, boolean admin, boolean author) {

    public static Actor of(Caller caller) {
        return new Actor(caller.tenant(), caller.userId(), caller.is(Caller.ADMIN), caller.is(Caller.AUTHOR));
    }

    /** The read rule for a loaded note; {@link #readableSql} is the same rule for queries. */
    public boolean canRead(Note note) {
        return note.tenant.equals(tenant) && (admin || note.authorId.equals(userId) || !"private".equals(note.visibility));
    }

    /**
     * The read rule as an SQL condition on the note table aliased {@code alias}; {@code $tenantParam} and
     * {@code $userParam} must be bound to {@link #tenant()} and {@link #userId()}.
     */
    public String readableSql(String alias, int tenantParam, int userParam) {
        String base = alias + ".tenant = $" + tenantParam;
        return admin ? base + " AND $" + userParam + "::text IS NOT NULL"
                : base + " AND (" + alias + ".author_id = $" + userParam + " OR " + alias + ".visibility <> 'private')";
    }

    public boolean canWrite(Note note) {
        return note.tenant.equals(tenant) && (admin || (author && note.authorId.equals(userId)));
    }

    /** Decks of this tenant (the caller checked the tenant) are changed by their owner, if an author, or an admin. */
    public boolean canWriteDeck(String ownerId) {
        return admin || (author && ownerId.equals(userId));
    }

    /** Authors and admins create notes, decks and imports; learners only read. */
    public boolean canCreate() {
        return author || admin;
    }
}
