package dev.recall.content.access;

import dev.recall.content.note.Note;
import dev.recall.platform.auth.Caller;

import java.util.List;

/**
 * The caller of one request, read once from the request-scoped {@link Caller} so reactive chains can use
 * it on any thread, and the service's access rules:
 * <ul>
 *   <li>nothing crosses tenants (every query is scoped by {@link #tenant()});</li>
 *   <li><b>reading</b> a note is the database function {@code note_readable} (migration V4), written once and
 *       used by every read: anyone of the tenant reads notes with visibility {@code tenant} or {@code public}, and
 *       their own; admins read all of the tenant's. {@link #readableSql} and {@link #readableHql} only call it;</li>
 *   <li><b>writing</b>: authors write their own notes and decks; admins of the tenant manage all of the tenant's;
 *       learners only read.</li>
 * </ul>
 */
public record Actor(String tenant, String userId, boolean admin, boolean author) {

    /**
     * The read rule in HQL on the {@link Note} entity of the query; bind {@link #readParameters()} as the three
     * positional parameters starting at {@code ?first}.
     */
    public static String readableHql(int first) {
        return "function('note_readable', tenant, authorId, visibility, ?" + first + ", ?" + (first + 1) + ", ?" + (first + 2) + ") = true";
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.tenant(), caller.userId(), caller.is(Caller.ADMIN), caller.is(Caller.AUTHOR));
    }

    /**
     * The read rule as an SQL condition on the note table aliased {@code alias}; bind {@link #readParameters()}
     * as {@code $first}, {@code $first+1} and {@code $first+2}.
     */
    public String readableSql(String alias, int first) {
        return "note_readable(" + alias + ".tenant, " + alias + ".author_id, " + alias + ".visibility, $" + first
                + ", $" + (first + 1) + ", $" + (first + 2) + ")";
    }

    /** What the read rule compares a note with: the caller's tenant, id and whether they are an admin. */
    public List<Object> readParameters() {
        return List.of(tenant, userId, admin);
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
