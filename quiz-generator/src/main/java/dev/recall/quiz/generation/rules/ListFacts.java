package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.NoteDocument;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of the note, kept for the rules that need other lists: distractors from sibling lists
 * ({@link ListChoiceRule}) and the other side of a comparison ({@link SidesRule}).
 */
public record ListFacts(NoteDocument.Section section, NoteDocument.Block block, String topic, List<String> entries, boolean zh, int index,
                        boolean steps) {

    /** Topics that say little alone ("优点", "steps"): a label adds their context. */
    static final Pattern BARE_TOPIC = Pattern.compile(
            "(?i)优点|缺点|优势|劣势|好处|坏处|不足|advantages|disadvantages|pros|cons|benefits|drawbacks|steps|步骤|流程|特点|用途|features|uses");
    static final Pattern COMPARE = Pattern.compile(
            "(?i)\\bvs\\.?(?=\\s|$)|\\bversus\\b|区别|对比|比较|异同|差异|\\bdifferences?\\b|\\bcompar(?:ed|ison|ing)\\b");
    private static final Pattern ZH_BOTH_SIDES = Pattern.compile("(?:的)?(?:利弊|优缺点|优劣|好坏)$");
    private static final Pattern EN_BOTH_SIDES_OF = Pattern.compile("(?i)^(?:pros and cons|advantages and disadvantages|trade-?offs)\\s+of\\s+");
    private static final Pattern EN_BOTH_SIDES = Pattern.compile("(?i):?\\s+(?:pros and cons|trade-?offs)$");

    /** The topic with its context when the topic alone says little: "优点" under "引用计数" → "引用计数的优点". */
    public String label() {
        if (!BARE_TOPIC.matcher(topic.strip()).matches()) {
            return topic;
        }
        List<String> path = section.headingPath();
        String context = topic.equals(section.heading()) ? (path.size() >= 2 ? path.get(path.size() - 2) : "") : section.heading();
        context = ZH_BOTH_SIDES.matcher(context).replaceFirst("");
        context = EN_BOTH_SIDES_OF.matcher(context).replaceFirst("");
        context = EN_BOTH_SIDES.matcher(context).replaceFirst("").strip();
        if (context.isBlank()) {
            return topic;
        }
        return zh ? context + "的" + topic : topic + " of " + context;
    }

    /** The same list as the {@code index}-th of the note (sections number their lists from 0 on their own). */
    public ListFacts numbered(int index) {
        return index == this.index ? this : new ListFacts(section, block, topic, entries, zh, index, steps);
    }

    /** The heading path above this list's section. */
    public List<String> parent() {
        List<String> path = section.headingPath();
        return path.isEmpty() ? path : path.subList(0, path.size() - 1);
    }

    /** The parent heading compares things ("X vs Y", "X与Y的区别"). */
    boolean underComparison() {
        List<String> parent = parent();
        return !parent.isEmpty() && COMPARE.matcher(parent.get(parent.size() - 1)).find();
    }

    /** How many headings of the path the two lists share. */
    int commonPrefix(ListFacts other) {
        List<String> x = section.headingPath();
        List<String> y = other.section.headingPath();
        int n = 0;
        while (n < x.size() && n < y.size() && x.get(n).equals(y.get(n))) {
            n++;
        }
        return n;
    }
}
