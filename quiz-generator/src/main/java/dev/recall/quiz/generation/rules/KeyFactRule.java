package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;
import dev.recall.quiz.generation.language.Segmenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last resort for a section of prose no other rule found a fact in ("PEP 703 makes the GIL optional."): a
 * cloze on the sentence's most specific span, so every real section of a note gets an item. What is specific, in
 * this order: the heading, an English sentence's subject ("Binary search halves …"), a name with a number ("PEP 703", "Python 3.13", "JDK1.8"), an identifier (HashMap, GIL, __init__),
 * a number with its unit, a word of the heading; the heading itself comes first when the sentence names it. Only
 * sentences of a card's size, and only a span that occurs once and leaves most of the sentence as the clue. A
 * section of code alone: the first call whose name says what it does is blanked.
 */
public final class KeyFactRule {

    private static final Pattern NAMED_NUMBER = Pattern.compile("(?<![\\w.])(?=[A-Za-z+#]*[A-Z])[A-Za-z][A-Za-z+#]*[ /-]?\\d+(?:\\.\\d+)*(?![\\w.]*\\w)");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![\\w.])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[0-9]?s?|_{0,2}[a-z]+_[a-z_]*[a-z_]|__[a-z]+__)(?![\\w])");
    private static final Pattern QUANTITY = Pattern.compile("(?<![\\w.(^-])\\d+(?:\\.\\d+)?\\s?(?:%|ms|KB|MB|GB|TB|个|次|倍|秒|毫秒|字节|位|层|种)?(?![\\w.]*\\d)(?![A-Za-z_(^)])");
    /** An English sentence's subject before its verb: "Binary search halves …", "Big-O notation describes …". */
    private static final Pattern EN_SUBJECT = Pattern.compile(
            "^((?:The |A |An )?[A-Z][\\w+#-]*(?: [A-Za-z0-9][\\w+#-]*){0,3}?) (?!is |was |has )[a-z]{2,}s\\b");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:The|A|An) ");
    private static final Pattern CALL = Pattern.compile("(?<![\\w])(?:[A-Za-z_]\\w*\\.)*([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+•·●▪]|\\d{1,2}[.)、]|[（(]\\d{1,2}[）)])\\s*");
    private static final Pattern HEADING_WORD = Pattern.compile("[A-Za-z][A-Za-z+#-]{2,}");
    /** Abbreviations too common to be what a sentence teaches. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("CPU", "CPUs", "OK", "API", "APIs", "ID", "IDs", "URL", "UTF", "I", "OS");
    private static final java.util.Set<String> EN_STOP = java.util.Set.of("the", "and", "for", "with", "what", "why", "how", "when", "use", "using",
            "about", "from", "into", "its", "are", "not", "notes", "note", "example", "examples", "summary", "intro", "introduction", "overview");
    /** Words a name does not go on over: particles, prepositions, quantifiers, pronouns. */
    private static final java.util.Set<String> LEAD_STOP = java.util.Set.of("的", "在", "被", "把", "对", "从", "向", "给", "和", "与", "也", "都",
            "就", "会", "能", "要", "是", "有", "将", "让", "使", "很多", "许多", "一些", "有些", "我们", "我", "你", "他", "她", "它", "大家", "这", "那",
            "通常", "一般", "可以", "需要", "因为", "所以", "如果", "当");
    private static final int MIN_SENTENCE = 12;
    private static final int MAX_SENTENCE = 200;

    private KeyFactRule() {
    }

    /** One cloze for a section no other rule gave an item: the first sentence with a specific span. */
    public static List<QuizItem> items(SectionContext ctx, List<NoteDocument.Block> blocks) {
        for (NoteDocument.Block block : blocks) {
            if (block.kind() != NoteDocument.Kind.PARAGRAPH && block.kind() != NoteDocument.Kind.BULLET_LIST
                    && block.kind() != NoteDocument.Kind.ORDERED_LIST) {
                continue;
            }
            for (String sentence : sentences(ctx.plain(block))) {
                String span = span(sentence, ctx.section().heading());
                if (span != null) {
                    int at = sentence.indexOf(span);
                    String cloze = sentence.substring(0, at) + "[...]" + sentence.substring(at + span.length());
                    return List.of(ctx.item("key-fact", ItemType.CLOZE, span).prompt(cloze).answer(span).explanation(sentence).lines(block)
                            .difficulty(Difficulty.EASY).build());
                }
            }
        }
        for (NoteDocument.Block block : blocks) {
            String source = block.kind() == NoteDocument.Kind.CODE && block.code() != null ? block.code().stripTrailing() : "";
            String call = source.length() <= 1500 ? specificCall(source) : null;
            if (call != null) {
                String blanked = WholeWord.replaceAll(source, call, "", "____"); // "dist.init_process_group(" too
                return List.of(ctx.item("key-fact", ItemType.CLOZE, call).prompt(CodeKeywordRule.missingPrompt(ctx, block, blanked)).answer(call).lines(block).difficulty(Difficulty.MEDIUM).build());
            }
        }
        return List.of();
    }

    /** The first call of the code whose name says what it does ("init_process_group", "getThreshold"): six letters or more, not a builtin. */
    public static String specificCall(String source) {
        Matcher m = CALL.matcher(source);
        while (m.find()) {
            String name = m.group(1);
            boolean compound = name.indexOf('_') > 0 || name.chars().skip(1).anyMatch(Character::isUpperCase);
            if (name.length() >= 6 && compound && !name.startsWith("__")) {
                return name;
            }
        }
        return null;
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : DefinitionRule.sentences(text, Integer.MAX_VALUE)) {
            String s = stripMarker(part);
            if (s.length() >= MIN_SENTENCE && s.length() <= MAX_SENTENCE) {
                sentences.add(s);
            }
        }
        return sentences;
    }

    /** A list entry's bullet or number is not part of its sentence. */
    private static String stripMarker(String s) {
        return LIST_MARKER.matcher(s).replaceFirst("");
    }

    /** The most specific span of {@code sentence} worth a blank, or null. */
    static String span(String sentence, String heading) {
        if (heading != null && !heading.isBlank() && Terms.isTerm(heading.strip()) && fits(sentence, heading.strip())) {
            return heading.strip(); // the section's own subject ("标记-清除算法用来…")
        }
        Matcher subject = EN_SUBJECT.matcher(sentence);
        if (!Text.hasHan(sentence) && subject.lookingAt()) {
            String s = LEADING_ARTICLE.matcher(subject.group(1)).replaceFirst("");
            if (Terms.isTerm(s) && !COMMON.contains(s) && fits(sentence, s)) {
                return s;
            }
        }
        for (Pattern kind : List.of(NAMED_NUMBER, IDENTIFIER, QUANTITY)) {
            Matcher m = kind.matcher(sentence);
            while (m.find()) {
                String span = m.group().strip();
                if (!COMMON.contains(span) && fits(sentence, span)) {
                    return span;
                }
            }
        }
        String word = headingWord(sentence, heading == null ? "" : heading);
        return word != null || !Text.hasHan(sentence) ? word : leadingName(sentence);
    }

    /**
     * A Chinese sentence with nothing else specific: the name it starts with (its first words up to punctuation or
     * 的, "不可变对象（如 int…）的拷贝…"), else its longest word of three characters or more that is a term.
     */
    private static String leadingName(String sentence) {
        List<String> words = Segmenter.words(sentence);
        StringBuilder lead = new StringBuilder();
        boolean beforeVerb = false; // "分页解决了外部碎片问题": the name ends where a verb starts
        for (String word : words) {
            if (ActionRule.isZhVerb(word)) {
                beforeVerb = true;
                break;
            }
            if (!Text.hasHan(word) || LEAD_STOP.contains(word) || lead.length() + word.length() > 8) {
                break;
            }
            lead.append(word);
        }
        String subject = lead.toString();
        if ((subject.length() >= 3 || beforeVerb && subject.length() == 2) && Terms.isTerm(subject) && fits(sentence, subject)) {
            return subject;
        }
        String best = null;
        for (String word : words) {
            if (word.length() >= 3 && Text.hasHan(word) && (best == null || word.length() > best.length()) && Terms.isTerm(word) && fits(sentence, word)) {
                best = word;
            }
        }
        return best;
    }

    /** A word of the heading the sentence uses once: a Chinese word of two characters or more, or an English word. */
    private static String headingWord(String sentence, String heading) {
        String best = null;
        if (Text.hasHan(heading)) {
            // Runs of up to four of the heading's words: "浅拷贝" from "常见的浅拷贝方式", which the segmenter cuts "浅 / 拷贝".
            List<String> words = Segmenter.words(heading);
            for (int from = 0; from < words.size(); from++) {
                StringBuilder run = new StringBuilder();
                for (int to = from; to < Math.min(words.size(), from + 4); to++) {
                    run.append(words.get(to));
                    String word = run.toString();
                    if (word.length() >= 2 && Text.hasHan(word) && (best == null || word.length() > best.length()) && Terms.isTerm(word)
                            && fits(sentence, word) && Terms.wholeWords(sentence, sentence.indexOf(word), sentence.indexOf(word) + word.length())) {
                        best = word;
                    }
                }
            }
        }
        Matcher m = HEADING_WORD.matcher(heading);
        while (best == null && m.find()) {
            String word = m.group();
            int at = sentence.toLowerCase(Locale.ROOT).indexOf(word.toLowerCase(Locale.ROOT));
            if (!EN_STOP.contains(word.toLowerCase(Locale.ROOT)) && at >= 0) {
                String used = sentence.substring(at, at + word.length());
                boolean wordBounded = (at == 0 || !Character.isLetterOrDigit(sentence.charAt(at - 1)))
                        && (at + word.length() == sentence.length() || !Character.isLetterOrDigit(sentence.charAt(at + word.length())));
                if (wordBounded && Terms.isTerm(used) && fits(sentence, used)) {
                    best = used;
                }
            }
        }
        return best;
    }

    /** Occurs once, and the rest of the sentence is most of it: the clue. */
    private static boolean fits(String sentence, String span) {
        int at = sentence.indexOf(span);
        return at >= 0 && sentence.indexOf(span, at + 1) < 0 && span.length() * 2 <= sentence.length() && sentence.length() - span.length() >= 8;
    }
}
