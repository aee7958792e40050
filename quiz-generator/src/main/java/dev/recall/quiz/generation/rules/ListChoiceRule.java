package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemFactory;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * "Which of these belongs to …?": one entry of a list against three distractors from sibling lists of the same kind
 * (the same section, or parallel aspects of one parent such as its advantages and disadvantages, or the sides of an
 * "A vs B" parent), which must look like the answer (length, script, shape). Fewer than three: no item.
 */
public final class ListChoiceRule {

    /** Distractors come from lists at most this many lists away (nearest, same parent heading first): linear time. */
    static final int NEIGHBOURS = 8;
    private static final Pattern TERM_COLON = Pattern.compile("^[^:：]{1,30}[:：].+");
    private static final Pattern SENTENCE = Pattern.compile(".*[。.!！?？]$");

    private ListChoiceRule() {
    }

    public static List<QuizItem> items(List<ListFacts> lists, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        for (ListFacts list : lists) {
            items.addAll(items(list, lists, factory));
        }
        return items;
    }

    /** The choice item of one list of the note ({@code lists}), if it has one: each list's alone, in any order. */
    public static List<QuizItem> items(ListFacts list, List<ListFacts> lists, ItemFactory factory) {
        if (list.entries().size() < 2 || list.steps()) { // steps: the ordering item asks more
            return List.of();
        }
        List<String> pool = distractorPool(list, lists);
        var choice = factory.builder("list-choice", ItemType.MULTIPLE_CHOICE, list.section(), list.topic());
        SplittableRandom random = new SplittableRandom(Text.seed(choice.id()));
        String answer = list.entries().get(random.nextInt(list.entries().size()));
        List<String> distractors = pool.stream().filter(p -> sameForm(p, answer)).limit(3).toList();
        if (distractors.size() < 3) {
            return List.of(); // fewer than three good distractors: the list keeps its recall and true/false items
        }
        List<String> options = new ArrayList<>(distractors);
        options.add(answer);
        return List.of(choice.prompt(Wording.of(list.zh()).belongs(list.label())).answer(answer).options(Shuffle.never(options, choice.id()))
                .lines(list.block()).difficulty(Difficulty.EASY).build());
    }

    /** Entries of the nearby sibling lists of the same kind, nearest first, none equal to an entry of the list. */
    static List<String> distractorPool(ListFacts list, List<ListFacts> lists) {
        Set<String> seen = new LinkedHashSet<>();
        list.entries().forEach(e -> seen.add(Text.normalise(e)));
        List<ListFacts> near = new ArrayList<>();
        for (int j = Math.max(0, list.index() - NEIGHBOURS); j < Math.min(lists.size(), list.index() + NEIGHBOURS + 1); j++) {
            if (j != list.index()) {
                near.add(lists.get(j));
            }
        }
        // Only siblings (same parent heading) and lists of the same section; nearest first: for "advantages",
        // the disadvantages next to them.
        near.removeIf(other -> list.commonPrefix(other) < list.parent().size());
        near.sort(Comparator.comparingInt((ListFacts other) -> -list.commonPrefix(other))
                .thenComparingInt(other -> Math.abs(other.index() - list.index())));
        // Distractors teach only when they are siblings of the same kind and cannot be told apart by their form.
        near.removeIf(other -> other.steps() != list.steps() || other.zh() != list.zh() || !parallel(list, other));
        List<String> pool = new ArrayList<>();
        for (ListFacts other : near) {
            for (String entry : other.entries()) {
                if (seen.add(Text.normalise(entry))) {
                    pool.add(entry);
                }
            }
        }
        return pool;
    }

    /**
     * Lists whose entries are of one kind: in the same section, or aspects of one parent (its advantages and its
     * disadvantages, its features and its uses). Lists of unrelated sections never lend each other distractors.
     */
    static boolean parallel(ListFacts a, ListFacts b) {
        if (a.section().headingPath().equals(b.section().headingPath())) {
            return true;
        }
        if (!a.parent().equals(b.parent())) {
            return false;
        }
        return a.underComparison() || ListFacts.BARE_TOPIC.matcher(a.topic().strip()).find() && ListFacts.BARE_TOPIC.matcher(b.topic().strip()).find();
    }

    /** Two options look alike: similar length, the same script, both or neither "term: text" nor a full sentence. */
    static boolean sameForm(String a, String b) {
        int x = a.codePointCount(0, a.length());
        int y = b.codePointCount(0, b.length());
        return x * 5 >= y * 2 && y * 5 >= x * 2 && Text.isChinese(a) == Text.isChinese(b)
                && TERM_COLON.matcher(a).matches() == TERM_COLON.matcher(b).matches()
                && SENTENCE.matcher(a).matches() == SENTENCE.matcher(b).matches();
    }
}
