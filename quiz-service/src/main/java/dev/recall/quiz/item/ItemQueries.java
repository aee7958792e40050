package dev.recall.quiz.item;

import dev.recall.platform.problem.Text;

import dev.recall.platform.auth.Caller;
import dev.recall.platform.paging.Cursor;
import dev.recall.platform.paging.Page;
import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.input.Inputs;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** The read side of items: what a caller may see, listed or one at a time. */
@ApplicationScoped
public class ItemQueries {

    private static final String CURSOR = "items";

    public record ItemFilter(String noteId, String deckId, String tag, String type) {
    }

    /** Active items the caller may see, filtered by note, deck, tag and type, in id order, one page at a time. */
    @WithSession
    public Uni<Page<ItemSummary>> list(Caller caller, ItemFilter filter, int limit, String cursor) {
        if (filter.type() != null) {
            ItemTypes.requireKnown("type", filter.type());
        }
        Cursor after = Cursor.decode(CURSOR, cursor, 1);
        if (after != null && Inputs.problem(after.value(0), Inputs.MAX_NAME) != null) {
            throw ProblemException.badRequest("invalid-cursor", Text.of("cursor.invalid"));
        }
        StringBuilder query = new StringBuilder("from Item i where i.tenant = :tenant and i.retiredAt is null and i.id > :after and ")
                .append(NoteSource.VISIBLE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", caller.tenant());
        params.put("after", after == null ? "" : after.value(0));
        params.putAll(NoteSource.viewer(caller));
        if (filter.noteId() != null) {
            query.append(" and i.noteId = :note");
            params.put("note", filter.noteId());
        }
        if (filter.deckId() != null) {
            query.append(" and i.deckId = :deck");
            params.put("deck", filter.deckId());
        }
        if (filter.type() != null) {
            query.append(" and i.type = :type");
            params.put("type", filter.type());
        }
        if (filter.tag() != null) {
            query.append(" and array_position(i.tags, :tag) is not null");
            params.put("tag", filter.tag());
        }
        query.append(" order by i.id");
        return Item.<Item>find(query.toString(), params).page(0, limit + 1).list()
                .map(items -> Page.of(items, limit, ItemSummary::of, item -> Cursor.of(CURSOR, item.id)));
    }

    /** One item the caller may see, or 404. */
    @WithSession
    public Uni<ItemView> get(Caller caller, String itemId) {
        Map<String, Object> params = new LinkedHashMap<>(NoteSource.viewer(caller));
        params.put("id", itemId);
        params.put("tenant", caller.tenant());
        return Item.<Item>find("from Item i where i.id = :id and i.tenant = :tenant and " + NoteSource.VISIBLE, params)
                .firstResult()
                .map(item -> {
                    if (item == null) {
                        throw ProblemException.notFound(Text.of("quiz.item.not-found", itemId));
                    }
                    return ItemView.of(item);
                });
    }
}
