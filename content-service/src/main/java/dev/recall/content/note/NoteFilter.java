package dev.recall.content.note;

import java.util.List;

/** Narrows a list or a search of notes to a deck, a tag or an author (each may be null: no narrowing). */
public record NoteFilter(String deckId, String tag, String authorId) {

    /** Appends the conditions on table alias {@code n} to {@code sql}, each value bound as the next {@code $i} of {@code params}. */
    public void appendTo(StringBuilder sql, List<Object> params) {
        if (deckId != null) {
            params.add(deckId);
            sql.append(" AND n.deck_id = $").append(params.size());
        }
        if (tag != null) {
            params.add(tag);
            sql.append(" AND n.tags @> ARRAY[$").append(params.size()).append("::text]");
        }
        if (authorId != null) {
            params.add(authorId);
            sql.append(" AND n.author_id = $").append(params.size());
        }
    }
}
