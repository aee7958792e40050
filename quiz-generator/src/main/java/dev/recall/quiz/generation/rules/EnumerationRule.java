package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enumerations written in a sentence: "X分为A、B、C三类", "X包括A、B和C", "X有以下几种：A、B、C", "X consists of A, B
 * and C", "There are three kinds of X: A, B and C". Asks for the parts (list recall); the learner is told how many.
 */
public final class EnumerationRule {

    private static final Pattern PART_NOISE = Pattern.compile("^(?:以下|如下)|[。.]$");
    private static final Pattern ARTICLE = Pattern.compile("(?i)^(?:the|a|an)\\s+");
    private static final Pattern PLAIN_WORDS = Pattern.compile("[\\w+#. -]+");
    private static final Pattern ZH = Pattern.compile(
            "^(.{1,40}?)(?:主要|一般|通常|可以)?(分为|分成|包括|包含|主要有|有以下(?:几种|几类|几个)?|由)[：:]?(.{3,200}?)(?:等)?(?:[一二三四五六七八九十两\\d]+(?:类|种|个|部分|方面|步|大类))?(?:组成|构成)?[。.；;]?$");
    private static final Pattern EN = Pattern.compile(
            "^(.{2,60}?)\\s+(?:consists? of|includes?|comprises?|is made of|has|have|comes? in|falls? into)\\s+(?:(?:two|three|four|five|six|seven|\\d+)\\s+(?:kinds|types|parts|steps|phases|categories|levels)(?:\\s*:\\s*|\\s+))?(.{3,200}?)[.]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_THERE_ARE = Pattern.compile(
            "^There are (?:two|three|four|five|six|seven|\\d+) (?:kinds|types|parts|steps|phases|categories|levels) of (.{2,60}?)\\s*:\\s*(.{3,200}?)[.]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_SEPARATOR = Pattern.compile("\\s*(?:、|，|,|以及|及|和|与|或)\\s*");
    private static final Pattern EN_SEPARATOR = Pattern.compile("\\s*(?:,\\s*(?:and|or)\\s+|,\\s*|\\s+and\\s+|\\s+or\\s+)\\s*");

    private EnumerationRule() {
    }

    /** A character of one of {@link #ZH}'s verbs (分为, 分成, 包括, 包含, 主要有, 有以下, 由): the expression runs only then. */
    private static boolean zhVerb(String text) {
        return text.indexOf('分') >= 0 || text.indexOf('包') >= 0 || text.indexOf('有') >= 0 || text.indexOf('由') >= 0;
    }

    /** One of {@link #EN}'s verbs in the lower-cased text: the expression runs only then. */
    private static boolean enVerb(String lower) {
        for (String verb : EN_VERBS) {
            if (lower.contains(verb)) {
                return true;
            }
        }
        return false;
    }

    /** "优点：速度快、开销小、支持广播", "Cons: no ordering, no retries": an aspect label over a run of short parts. */
    private static final Pattern LABELLED = Pattern.compile("(?i)^(优点|缺点|优势|劣势|特点|特性|作用|用途|场景|应用场景|适用场景|使用场景|注意事项"
            + "|pros|cons|advantages|disadvantages|benefits|drawbacks|features|use cases)\\s*[：:]\\s*(.{2,200}?)[。.；;]?$");

    private static List<QuizItem> labelled(SectionContext ctx, NoteDocument.Block block, String text, String label, String list, boolean zh) {
        List<String> parts = new ArrayList<>();
        for (String part : (zh ? ZH_SEPARATOR : EN_SEPARATOR).split(list)) {
            String p = PART_NOISE.matcher(part.strip()).replaceAll("");
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        if (parts.size() < 2 || parts.size() > 10 || new LinkedHashSet<>(parts).size() != parts.size()
                || parts.stream().anyMatch(p -> p.length() > (zh ? 20 : 40))) {
            return List.of();
        }
        String heading = ctx.section().heading();
        String prompt = zh ? heading + "：" + label + "有哪些？（共 " + parts.size() + " 项）"
                : "\u201C" + heading + "\u201D: what are the " + label.toLowerCase(java.util.Locale.ROOT) + "? (" + parts.size() + ")";
        return List.of(ctx.item("enumeration", ItemType.BASIC, label).prompt(prompt).answer(String.join(zh ? "、" : ", ", parts))
                .explanation(text).lines(block).difficulty(Difficulty.MEDIUM).build());
    }

    private static final String[] EN_VERBS = {"consist", "include", "comprise", "is made of", "has", "have", "come", "fall"};

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block) {
        String text = ctx.firstSentence(block);
        if (text.length() > 300) {
            return List.of();
        }
        boolean zh = Text.isChinese(text);
        Matcher labelled;
        if ((text.indexOf('：') > 0 || text.indexOf(':') > 0) && (labelled = LABELLED.matcher(text)).matches()) {
            return labelled(ctx, block, text, labelled.group(1).strip(), labelled.group(2), zh);
        }
        String whole;
        String list;
        String verb = "";
        Matcher m;
        String lower = zh ? "" : text.toLowerCase(java.util.Locale.ROOT);
        if (zh && zhVerb(text) && (m = ZH.matcher(text)).matches()) {
            whole = m.group(1).strip();
            verb = m.group(2);
            list = m.group(3);
        } else if (!zh && lower.startsWith("there are") && (m = EN_THERE_ARE.matcher(text)).matches()) {
            whole = m.group(1);
            list = m.group(2);
        } else if (!zh && enVerb(lower) && (m = EN.matcher(text)).matches()) {
            whole = m.group(1);
            list = m.group(2);
        } else {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : (zh ? ZH_SEPARATOR : EN_SEPARATOR).split(list)) {
            String p = PART_NOISE.matcher(part.strip()).replaceAll("");
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        String subject = ARTICLE.matcher(whole).replaceFirst("");
        String shortSubject = subject.contains("，") ? subject.substring(subject.lastIndexOf('，') + 1) : subject;
        if (parts.size() < 3 || parts.size() > 10 || new LinkedHashSet<>(parts).size() != parts.size()
                || parts.stream().anyMatch(p -> p.length() > (zh ? 20 : 40) || !Terms.isTerm(p) && !PLAIN_WORDS.matcher(p).matches())
                || !Terms.isTerm(shortSubject)) {
            return List.of();
        }
        String prompt = zh ? subject + (verb.startsWith("分") ? verb + "哪" + parts.size() + "类？" : verb.equals("由") ? "由哪些部分组成？（共 " + parts.size() + " 项）"
                : "包括哪些？（共 " + parts.size() + " 项）")
                : "Name the " + parts.size() + " parts of " + subject + ".";
        return List.of(ctx.item("enumeration", ItemType.BASIC, subject).prompt(prompt).answer(String.join(zh ? "、" : ", ", parts))
                .explanation(text).lines(block).difficulty(Difficulty.HARD).build());
    }
}
