package dev.recall.quiz.grading;

import dev.recall.quiz.generation.ItemType;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Grades a learner's answer to an item. Text is compared leniently: case, white space, punctuation and
 * full-width forms do not matter, and an answer written as alternatives ("元组 tuple", "a / b") accepts each.
 * Choices, orderings and matchings must be exact (after the same normalisation).
 */
public final class Grader {

    private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\s*(?:/|\\||;|；|、|,|，|\\bor\\b|或)\\s*");
    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "对", "正确", "是", "√", "1");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "错", "错误", "否", "×", "0");

    private Grader() {
    }

    /**
     * @param given one string for text, choice and true/false items; the sequence for ORDERING; "left → right"
     *              pairs for MATCHING; one string per blank (or one string with blanks separated by commas) for CLOZE
     */
    public static boolean correct(ItemType type, List<String> expected, List<String> given) {
        if (given == null || given.isEmpty() || expected.isEmpty()) {
            return false;
        }
        return switch (type) {
            case MULTIPLE_CHOICE -> given.size() == 1 && normalise(given.get(0)).equals(normalise(expected.get(0)));
            case TRUE_FALSE -> given.size() == 1 && truth(given.get(0)) != null
                    && truth(given.get(0)).equals(Boolean.parseBoolean(expected.get(0)));
            case ORDERING -> given.size() == expected.size() && normalised(given).equals(normalised(expected));
            case MATCHING -> new HashSet<>(normalised(pairs(given))).equals(new HashSet<>(normalised(pairs(expected))));
            case CLOZE -> blanks(expected, given);
            case BASIC, REVERSED -> text(expected.get(0), String.join(" ", given));
        };
    }

    /** One blank per expected answer; a single given string may hold them all, separated by commas. */
    private static boolean blanks(List<String> expected, List<String> given) {
        List<String> parts = given;
        if (expected.size() > 1 && given.size() == 1) {
            parts = List.of(given.get(0).split("\\s*[,，、;；]\\s*"));
        }
        if (parts.size() != expected.size()) {
            return expected.size() == 1 && text(expected.get(0), String.join(" ", given));
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!text(expected.get(i), parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A text answer: equal after normalisation to the whole expected answer or to one of its alternatives. */
    static boolean text(String expected, String given) {
        String answer = normalise(given);
        if (answer.isEmpty()) {
            return false;
        }
        if (answer.equals(normalise(expected))) {
            return true;
        }
        if (expected.contains("\n")) {
            // A list to recall: every line must be there, in any order.
            return expected.lines().map(Grader::normalise).filter(l -> !l.isEmpty()).allMatch(answer::contains);
        }
        for (String alternative : alternatives(expected)) {
            if (!alternative.isEmpty() && answer.equals(alternative)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> alternatives(String expected) {
        List<String> out = new ArrayList<>();
        for (String part : ALTERNATIVES.split(expected)) {
            out.add(normalise(part));
            // "元组 tuple": a Chinese word and its English name are each a full answer.
            String[] words = part.strip().split("\\s+");
            if (words.length == 2 && isHan(words[0]) != isHan(words[1])) {
                out.add(normalise(words[0]));
                out.add(normalise(words[1]));
            }
        }
        return out;
    }

    private static boolean isHan(String word) {
        return word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static Boolean truth(String given) {
        String value = Normalizer.normalize(given, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return TRUE.contains(value) ? Boolean.TRUE : FALSE.contains(value) ? Boolean.FALSE : null;
    }

    private static List<String> pairs(List<String> pairs) {
        return pairs.stream().map(p -> p.replace("->", "→").replace("=>", "→")).toList();
    }

    private static List<String> normalised(List<String> values) {
        return values.stream().map(Grader::normalise).toList();
    }

    static String normalise(String text) {
        return text == null ? "" : NOISE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
