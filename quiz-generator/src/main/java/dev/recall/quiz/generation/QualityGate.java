package dev.recall.quiz.generation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops or repairs items a learner would not want, by the failure classes seen on real notes: prompt or answer
 * starting with punctuation or a list marker (repaired), a term that is a line of code, an answer the prompt gives
 * away (true/false statements excepted: they state a claim to judge), a cloze on a stopword, particle or
 * punctuation, an answer longer than a card holds (cut at a sentence boundary, else dropped), choices that are not
 * a proper set of options, and duplicates or near-duplicates within a section (the same prompt under another
 * heading path is another card). Every drop names its reason ({@link Generator.Dropped}).
 */
final class QualityGate {

    static final int MAX_PROMPT = 500;
    static final int MAX_CODE_PROMPT = 1600;
    static final int MAX_ANSWER = 1000;
    /** A single answer a learner can recall: longer ones are cut at a sentence end, or the item is dropped. */
    static final int MAX_CARD_ANSWER = 400;

    private static final Pattern LEADING_JUNK = Pattern.compile("^(?:(?:[\\s,，。;；:：、!！?？)）\\]】}>|]|\\.(?!\\w))+|(?:[-*+•·●▪◦]|\\d{1,2}[.)、]|[（(]\\d{1,2}[）)])\\s+)+");
    private static final Pattern CODE_LINE = Pattern.compile(".*(?:[;{}=]|\\(\\)|\\bdef\\s|\\breturn\\s|\\bimport\\s|=>|::|^\\s*(?:for|if|while)\\s.*:).*");
    private static final Set<String> STOPWORDS = Set.of("的", "了", "是", "在", "和", "与", "或", "也", "就", "都", "而", "及", "之", "其", "着",
            "过", "吗", "呢", "吧", "啊", "把", "被", "这", "那", "一个", "a", "an", "the", "of", "to", "in", "on", "and", "or", "is", "are", "be",
            "it", "this", "that", "for", "with", "as", "by", "at", "from", "not");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?；;]|\\.(?=\\s|$)");

    private QualityGate() {
    }

    /**
     * An item as the gate judges it alone: repaired, its prompt and answers normalised as the duplicate checks
     * compare them, and its problem (null when it has none). Items are checked where they are made (on any thread);
     * {@link #filterChecked} then compares them in note order.
     */
    record Checked(QuizItem original, QuizItem item, String prompt, String answers, String problem) {
    }

    static Checked check(QuizItem original) {
        QuizItem item = repair(original);
        Normal normal = Normal.of(item);
        String problem = problem(item, normal);
        String answers = problem != null ? null
                : item.answers().size() == 1 ? normal.answers().get(0) : Text.normalise(String.join("|", item.answers()));
        return new Checked(original, item, normal.prompt(), answers, problem);
    }

    /** The checked items without problems, duplicates and near-duplicates, in their order; the others into {@code dropped}. */
    static List<QuizItem> filterChecked(List<Checked> items, List<Generator.Dropped> dropped) {
        List<QuizItem> kept = new ArrayList<>();
        Set<Seen> seen = new HashSet<>();
        Map<SectionKey, List<Kept>> bySection = new HashMap<>();
        // The items of a section share one heading path list: it is joined once.
        Map<List<String>, String> joinedPaths = new IdentityHashMap<>();
        for (Checked checked : items) {
            QuizItem item = checked.item();
            String problem = checked.problem();
            String prompt = checked.prompt();
            String path = problem == null ? joinedPaths.computeIfAbsent(item.headingPath(), p -> String.join("\u0001", p)) : null;
            if (problem == null && !seen.add(new Seen(item.type(), path, prompt))) {
                problem = "duplicate";
            }
            if (problem == null) {
                // Near-duplicates within a section: same type, almost the same prompt and the same answers (bounded).
                List<Kept> section = bySection.computeIfAbsent(new SectionKey(item.sectionId(), path), k -> new ArrayList<>());
                Kept mine = new Kept(item.type(), prompt, checked.answers());
                for (int i = Math.max(0, section.size() - 30); i < section.size() && problem == null; i++) {
                    if (section.get(i).nearlySame(mine)) {
                        problem = "near-duplicate";
                    }
                }
                section.add(mine);
            }
            if (problem == null) {
                kept.add(item);
            } else {
                dropped.add(new Generator.Dropped(checked.original(), problem));
            }
        }
        return kept;
    }

    /** An item as the duplicate check sees it: type, heading path (joined) and normalised prompt. */
    private record Seen(ItemType type, String path, String prompt) {
    }

    /** A section as the near-duplicate check groups items: its id and heading path (joined). */
    private record SectionKey(String sectionId, String path) {
    }

    /** What the near-duplicate check compares of an item: its type and normalised prompt and answers. */
    private record Kept(ItemType type, String prompt, String answers) {
        boolean nearlySame(Kept other) {
            return type == other.type
                    && Text.similarityBound(answers.length(), other.answers.length()) >= NEAR && Text.similarityBound(prompt.length(), other.prompt.length()) >= NEAR
                    && Text.similarityOfNormalised(answers, other.answers) >= NEAR && Text.similarityOfNormalised(prompt, other.prompt) >= NEAR;
        }
    }

    private static final double NEAR = 0.9;

    /** Removes leading punctuation and list markers; cuts an overlong single answer at a sentence end. */
    static QuizItem repair(QuizItem item) {
        String prompt = item.prompt() == null ? "" : item.prompt();
        String fixedPrompt = prompt.startsWith("[...]") || prompt.startsWith("```") || !mayStartWithJunk(prompt) ? prompt
                : LEADING_JUNK.matcher(prompt).replaceFirst("");
        List<String> answers = new ArrayList<>();
        boolean changed = !fixedPrompt.equals(prompt);
        for (String answer : item.answers()) {
            String fixed = answer == null ? "" : mayStartWithJunk(answer) ? LEADING_JUNK.matcher(answer).replaceFirst("") : answer;
            if (item.type() == ItemType.BASIC && item.answers().size() == 1 && fixed.length() > MAX_CARD_ANSWER && !fixed.contains("\n")) {
                fixed = cutAtSentence(fixed, MAX_CARD_ANSWER);
            }
            changed |= !fixed.equals(answer);
            answers.add(fixed);
        }
        if (!changed) {
            return item;
        }
        return new QuizItem(item.id(), item.type(), fixedPrompt, answers, item.options(), item.explanation(), item.headingPath(),
                item.sectionId(), item.startLine(), item.endLine(), item.tags(), item.difficulty(), item.generator());
    }

    /** The first character is one {@link #LEADING_JUNK} can start with (the expression runs only then). */
    private static boolean mayStartWithJunk(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c >= '0' && c <= '9' || " \t\n\u000B\f\r,，。.;；:：、!！?？)）]】}>|-*+•·●▪◦（(".indexOf(c) >= 0;
    }

    /** The text up to the last sentence end within max characters; "" when there is none (the item is dropped). */
    static String cutAtSentence(String text, int max) {
        java.util.regex.Matcher end = SENTENCE_END.matcher(text);
        int cut = -1;
        while (end.find() && end.end() <= max) {
            cut = end.end();
        }
        return cut < 20 ? text : text.substring(0, cut).strip();
    }

    static boolean acceptable(QuizItem item) {
        return problem(repair(item)) == null;
    }

    /**
     * An item's prompt and answers normalised once ({@link Text#normalise}), for every check of the gate: the prompt
     * as written and stripped (the same unless white space at its ends combines with what follows), each answer.
     */
    private record Normal(String prompt, String strippedPrompt, List<String> answers) {
        static Normal of(QuizItem item) {
            String prompt = Text.normalise(item.prompt());
            String stripped = item.prompt() == null || item.prompt().strip().equals(item.prompt()) ? prompt : Text.normalise(item.prompt().strip());
            List<String> answers = new ArrayList<>(item.answers().size());
            for (String answer : item.answers()) {
                answers.add(Text.normalise(answer));
            }
            return new Normal(prompt, stripped, answers);
        }
    }

    /** Why a learner would not want this item, or null. */
    static String problem(QuizItem item) {
        return problem(item, Normal.of(item));
    }

    private static String problem(QuizItem item, Normal normal) {
        String prompt = item.prompt() == null ? "" : item.prompt().strip();
        if (normal.strippedPrompt().isEmpty() || item.answers().isEmpty()) {
            return "empty prompt or answer";
        }
        int maxPrompt = prompt.contains("```") ? MAX_CODE_PROMPT : MAX_PROMPT;
        if (prompt.length() > maxPrompt) {
            return "prompt too long";
        }
        for (int i = 0; i < item.answers().size(); i++) {
            String answer = item.answers().get(i);
            if (answer == null || normal.answers().get(i).isEmpty()) {
                return "empty prompt or answer";
            }
            if (answer.length() > MAX_ANSWER || item.type() == ItemType.BASIC && item.answers().size() == 1 && !answer.contains("\n")
                    && answer.length() > MAX_CARD_ANSWER) {
                return "answer too long for a card";
            }
        }
        if ("definition".equals(item.generator()) && item.type() == ItemType.REVERSED && CODE_LINE.matcher(item.answers().get(0)).matches()) {
            return "term is a line of code";
        }
        if (item.type() == ItemType.CLOZE) {
            for (int i = 0; i < item.answers().size(); i++) {
                if (trivialCloze(item.answers().get(i), normal.answers().get(i))) {
                    return "cloze on a stopword or punctuation";
                }
            }
        }
        return switch (item.type()) {
            case BASIC, REVERSED, CLOZE -> leaks(normal.strippedPrompt(), normal.answers()) ? "answer leaked in the prompt" : null;
            case MULTIPLE_CHOICE -> properChoice(item) ? null : "not a proper set of choices";
            case ORDERING, MATCHING -> item.options() != null && item.options().size() >= 3
                    && new LinkedHashSet<>(item.options()).size() == item.options().size() ? null : "not a proper set of choices";
            case TRUE_FALSE -> item.answers().size() == 1 && List.of("true", "false").contains(item.answers().get(0)) ? null
                    : "true/false without a verdict";
        };
    }

    /**
     * Every place a Chinese answer stands in the prompt is right after 不/非/无/未, inside the name of its opposite:
     * "可重复读" in "不可重复读", "阻塞" in "非阻塞" give nothing away.
     */
    private static boolean onlyNegated(String shown, String answer) {
        if (!Text.hasHan(answer)) {
            return false;
        }
        for (int at = shown.indexOf(answer); at >= 0; at = shown.indexOf(answer, at + 1)) {
            if (at == 0 || "不非无未".indexOf(shown.charAt(at - 1)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean trivialCloze(String answer, String normal) {
        return normal.isEmpty() || STOPWORDS.contains(normal.toLowerCase(Locale.ROOT)) || STOPWORDS.contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    /** The answer, or a long part of it, stands in the prompt (both normalised). */
    private static boolean leaks(String shown, List<String> answers) {
        for (String expected : answers) {
            if (expected.length() >= 2 && shown.contains(expected) && !onlyNegated(shown, expected)) {
                return true;
            }
            if (expected.length() == 1 && shown.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static boolean properChoice(QuizItem item) {
        List<String> options = item.options();
        if (options == null || options.size() < 3 || item.answers().size() != 1) {
            return false;
        }
        Set<String> distinct = new HashSet<>();
        for (String option : options) {
            if (!distinct.add(Text.normalise(option))) {
                return false;
            }
        }
        String answer = Text.normalise(item.answers().get(0));
        return options.stream().filter(o -> Text.normalise(o).equals(answer)).count() == 1;
    }
}
