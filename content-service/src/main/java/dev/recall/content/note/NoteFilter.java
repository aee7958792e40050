package dev.recall.content.note;

import dev.recall.content.web.Params;

import java.util.List;

/** Narrows a list or a search of notes to a deck, a tag or an author (each may be null: no narrowing). */
public record NoteFilter(String deckId, String tag, String authorId) {

    /** The filter from query parameters: a deck must be a UUID, a tag or author plain text of sane length (else 400). */
    public static NoteFilter of(String deck, String tag, String author) {
        return new NoteFilter(Params.uuidText("deck", deck), Params.text("tag", tag, 64), Params.text("author", author, 256));
    }

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
