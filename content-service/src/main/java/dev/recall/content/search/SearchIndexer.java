package dev.recall.content.search;

import dev.recall.content.note.Note;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps a note's search vector in step with the note, in the writer's transaction: title weighs A, tags B,
 * body C; Chinese goes in as bigrams ({@link SearchText}). A deleted note keeps only title and tags, and
 * reads exclude it anyway. A new note gets its vector in its INSERT ({@link #VECTOR} and {@link #bind});
 * a changed one through {@link #index}.
 */
@ApplicationScoped
public class SearchIndexer {

    /** The search vector as an SQL expression of the named parameters that {@link #bind} sets. */
    public static final String VECTOR = "setweight(to_tsvector('english', :searchTitle), 'A')"
            + " || setweight(to_tsvector('english', :searchTags), 'B')"
            + " || setweight(to_tsvector('english', :searchBody), 'C')";

    /** Binds the parameters of {@link #VECTOR}: the note's search text, prepared once. */
    public static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Note note) {
        query.setParameter("searchTitle", SearchText.prepare(note.title));
        query.setParameter("searchTags", SearchText.prepare(String.join(" ", note.tags)));
        query.setParameter("searchBody", note.deletedAt != null ? "" : SearchText.prepare(note.markdown));
        return query;
    }

    /** Flushes the session first, so the UPDATE sees the note row as the same transaction changed it. */
    public Uni<Void> index(Note note) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> bind(session.createNativeQuery(
                                "UPDATE note SET search_vector = " + VECTOR + " WHERE id = :id"), note)
                        .setParameter("id", note.id)
                        .executeUpdate()))
                .replaceWithVoid();
    }
}
