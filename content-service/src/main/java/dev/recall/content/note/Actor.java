package dev.recall.content.note;

import dev.recall.platform.auth.Caller;

/**
 * The caller of one request, read once from the request-scoped {@link Caller} so reactive chains can use
 * it on any thread. The access rules of the service live here:
 * <ul>
 *   <li>nothing crosses tenants (every query is scoped by {@link #tenant()});</li>
 *   <li>anyone of the tenant reads notes with visibility {@code tenant} or {@code public}, and their own;</li>
 *   <li>authors write their own notes; admins of the tenant read and manage all of the tenant's notes;</li>
 *   <li>learners only read.</li>
 * </ul>
 */
public record Actor(String tenant, String userId, boolean admin, boolean author) {

    public static Actor of(Caller caller) {
        return new Actor(caller.tenant(), caller.userId(), caller.is(Caller.ADMIN), caller.is(Caller.AUTHOR));
    }

    public boolean canRead(Note note) {
        return note.tenant.equals(tenant) && (admin || note.authorId.equals(userId) || !"private".equals(note.visibility));
    }

    public boolean canWrite(Note note) {
        return note.tenant.equals(tenant) && (admin || (author && note.authorId.equals(userId)));
    }

    public boolean canWriteDeck(String ownerId) {
        return admin || (author && ownerId.equals(userId));
    }

    /** SQL condition for notes this actor may read; {@code $t} and {@code $u} are the tenant and user parameters. */
    public String readableSql(String alias, int tenantParam, int userParam) {
        String base = alias + ".tenant = $" + tenantParam;
        return admin ? base + " AND $" + userParam + "::text IS NOT NULL"
                : base + " AND (" + alias + ".author_id = $" + userParam + " OR " + alias + ".visibility <> 'private')";
    }
}
