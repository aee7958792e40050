package dev.recall.quiz.item;

import dev.recall.platform.auth.Caller;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;

/**
 * The newest version of a note this service applied, and with it the one visibility rule of quiz-service:
 * an item is visible to a caller of its tenant while its note is not deleted and is not private, or the
 * caller wrote the note, or the caller is an admin (content-service's rule, on the state the last note
 * event brought). Every read of items and quizzes goes through {@link #VISIBLE}.
 */
@Entity
@Table(name = "note_source")
public class NoteSource extends PanacheEntityBase {

    /**
     * HQL: the item aliased {@code i} belongs to a note the caller may see now; bind {@link #viewer(Caller)}.
     * The tenant is checked by the caller's own query (every query is scoped by tenant).
     */
    public static final String VISIBLE = "exists (from NoteSource s where s.noteId = i.noteId and s.tenant = i.tenant and s.deleted = false "
            + "and (s.visibility <> 'private' or s.authorId = :viewer or :viewerIsAdmin = true))";

    @Id
    @Column(name = "note_id")
    public String noteId;
    public String tenant;
    @Column(name = "author_id")
    public String authorId;
    public String visibility;
    public long version;
    public boolean deleted;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The parameters {@link #VISIBLE} reads. */
    public static Map<String, Object> viewer(Caller caller) {
        return Map.of("viewer", caller.userId(), "viewerIsAdmin", caller.is(Caller.ADMIN));
    }

    /** Whether consumers must hear of this note's items again: who may see them changed. */
    boolean accessDiffers(String otherVisibility, String otherAuthor) {
        return !(visibility.equals(otherVisibility) && authorId.equals(otherAuthor));
    }
}
