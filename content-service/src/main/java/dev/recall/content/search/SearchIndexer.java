package dev.recall.content.search;

import dev.recall.content.note.Note;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps a note's search vector in step with the note, in the writer's transaction: title weighs A, tags B,
 * body C; Chinese goes in as bigrams ({@link SearchText}). A deleted note keeps only title and tags, and
 * reads exclude it anyway.
 */
@ApplicationScoped
public class SearchIndexer {

    /** Flushes the session first, so the UPDATE sees the note row the same transaction inserted. */
    public Uni<Void> index(Note note) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                                "UPDATE note SET search_vector = setweight(to_tsvector('english', :title), 'A')"
                                        + " || setweight(to_tsvector('english', :tags), 'B')"
                                        + " || setweight(to_tsvector('english', :body), 'C') WHERE id = :id")
                        .setParameter("title", SearchText.prepare(note.title))
                        .setParameter("tags", SearchText.prepare(String.join(" ", note.tags)))
                        .setParameter("body", note.deletedAt != null ? "" : SearchText.prepare(note.markdown))
                        .setParameter("id", note.id)
                        .executeUpdate()))
                .replaceWithVoid();
    }
}
