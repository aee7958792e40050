package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemFactory;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Two lists that are the sides of something: advantages and disadvantages under one heading, or the sections of an
 * "X vs Y" / "X与Y的区别" heading. Each entry becomes a true/false claim, put on the wrong side for half of them
 * (seeded by the item id, which names the entry, so rewording elsewhere keeps it).
 */
public final class SidesRule {

    private static final Pattern PROS = Pattern.compile("(?i)优点|优势|好处|\\badvantages?\\b|\\bpros\\b|\\bbenefits?\\b");
    private static final Pattern CONS = Pattern.compile("(?i)缺点|劣势|坏处|不足|\\bdisadvantages?\\b|\\bcons\\b|\\bdrawbacks?\\b");
    /** The other side is looked for among this many following lists: linear time. */
    private static final int AHEAD = 4;

    private SidesRule() {
    }

    public static List<QuizItem> items(List<ListFacts> lists, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        for (ListFacts a : lists) {
            items.addAll(items(a, lists, factory));
        }
        return items;
    }

    /** The claims of list {@code a} and the lists after it that are its other side: each list's alone, in any order. */
    public static List<QuizItem> items(ListFacts a, List<ListFacts> lists, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        for (int j = a.index() + 1; j < Math.min(lists.size(), a.index() + AHEAD + 1); j++) {
            ListFacts b = lists.get(j);
            if (sides(a, b)) {
                items.addAll(claims(a, b, factory));
                items.addAll(claims(b, a, factory));
            }
        }
        return items;
    }

    /** Pros and cons of one parent, or two sections under an "A vs B" parent. */
    static boolean sides(ListFacts a, ListFacts b) {
        if (!a.parent().equals(b.parent()) || Text.normalise(a.topic()).equals(Text.normalise(b.topic()))) {
            return false;
        }
        boolean prosCons = PROS.matcher(a.topic()).find() && CONS.matcher(b.topic()).find()
                || CONS.matcher(a.topic()).find() && PROS.matcher(b.topic()).find();
        boolean versus = !a.section().headingPath().equals(b.section().headingPath()) && a.underComparison();
        return prosCons || versus;
    }

    private static List<QuizItem> claims(ListFacts side, ListFacts other, ItemFactory factory) {
        Wording wording = Wording.of(side.zh());
        List<QuizItem> items = new ArrayList<>();
        for (int i = 0; i < side.entries().size(); i++) {
            String entry = side.entries().get(i);
            // Named by the list and the entry's place in it, not by its wording: a reworded entry keeps its id.
            var claim = factory.builder("sides", ItemType.TRUE_FALSE, side.section(), side.topic() + "#" + i);
            boolean swap = (Text.seed(claim.id()) & 1) == 1;
            String claimed = (swap ? other : side).label();
            items.add(claim.prompt(wording.trueFalse(wording.belongsTo(entry, claimed) + wording.fullStop())).answer(swap ? "false" : "true")
                    .options(List.of("true", "false")).explanation(wording.belongsTo(entry, side.label())).lines(side.block())
                    .difficulty(Difficulty.EASY).build());
        }
        return items;
    }
}
