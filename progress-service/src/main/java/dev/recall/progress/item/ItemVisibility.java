package dev.recall.progress.item;

/**
 * The one visibility rule of progress-service: a learner may study (get cards for, see the prompt, answers
 * and headings of, review) an item of their tenant unless its note is private and someone else wrote it.
 * The item projection carries the note's author and visibility as quiz-service last sent them, and
 * quiz-service re-sends a note's items whenever either changes, so a note made private disappears from other
 * learners' queues, statistics and cards at once, and comes back when it is shared again. A deleted note's
 * items arrive retired, which every queue already skips.
 *
 * <p>The rule itself is the SQL function {@code item_visible} (migration {@code V5__item_visibility_rule.sql}), next
 * to the data; these helpers only call it, from HQL and from SQL.
 */
public final class ItemVisibility {

    private ItemVisibility() {
    }

    /** HQL: the {@link ItemProjection} aliased {@code item} is visible to the user bound as {@code viewer} (":user"). */
    public static String hql(String item, String viewer) {
        return "function('item_visible', " + item + ".visibility, " + item + ".authorId, " + viewer + ") = true";
    }

    /** HQL: the {@code Card} aliased {@code card} is of an item visible to {@code viewer}. */
    public static String cardHql(String card, String viewer) {
        return "exists (from ItemProjection v where v.itemId = " + card + ".itemId and " + hql("v", viewer) + ")";
    }

    /** SQL: the item_projection row aliased {@code item} is visible to the user in {@code viewer} (a parameter or column). */
    public static String sql(String item, String viewer) {
        return "item_visible(" + item + ".visibility, " + item + ".author_id, " + viewer + ")";
    }
}
