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
            "^(.{1,40}?)(?:主要|一般|通常|可以)?(分为|分成|包括|包含|主要有|有以下(?:几种|几类|几个)?|由)[：:]?(.{3,200}?)(?:等)?(?:([一二三四五六七八九十两\\d]+)(?:类|种|个|部分|方面|步|大类))?(?:组成|构成)?[。.；;]?$");
    private static final Pattern EN = Pattern.compile(
            "^(.{2,60}?)\\s+(?:consists? of|includes?|comprises?|is made of|has|have|comes? in|falls? into)\\s+(?:(?:two|three|four|five|six|seven|\\d+)\\s+(?:kinds|types|parts|steps|phases|categories|levels)(?:\\s*:\\s*|\\s+))?(.{3,200}?)[.]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_THERE_ARE = Pattern.compile(
            "^There are (two|three|four|five|six|seven|\\d+) (kinds|types|parts|steps|phases|categories|levels) of (.{2,60}?)\\s*:\\s*(.{3,200}?)[.]?$",
            Pattern.CASE_INSENSITIVE);
    /** A count after the list and a further clause: "分为读、写、执行三种，分别用 r、w、x 表示" (the list ends at the count). */
    private static final Pattern ZH_TRAILING_COUNT = Pattern.compile("^(.{3,200}?)([一二三四五六七八九十两\\d]{1,2})(?:类|种|个|部分|方面|步|大类)[，,；;].*$");
    /** "There are three delivery semantics: …", "There are two common kinds of pagination: …": any plural noun phrase counted. */
    private static final Pattern EN_THERE_ARE_ANY = Pattern.compile(
            "^There are (two|three|four|five|six|seven|\\d+) ([a-z][a-z -]{2,60}?)\\s*:\\s*(.{3,200}?)[.]?$", Pattern.CASE_INSENSITIVE);
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

    /** The parts of a written list, "A、B和C" / "A, B and C", without "以下" before them or a full stop after. */
    private static List<String> parts(String list, boolean zh) {
        List<String> parts = new ArrayList<>();
        for (String part : (zh ? ZH_SEPARATOR : EN_SEPARATOR).split(list)) {
            String p = PART_NOISE.matcher(part.strip()).replaceAll("");
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static List<QuizItem> labelled(SectionContext ctx, NoteDocument.Block block, String text, String label, String list, boolean zh) {
        List<String> parts = parts(list, zh);
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

    /**
     * A count before the list: "事务有四个特性：A、B、C、D", "SQL 标准定义了四种隔离级别，从低到高依次是：A、B、C、D",
     * "A transaction has four properties: A, B, C and D". The parts must be as many as the count says, which
     * tells a list from a clause that happens to hold a colon. An order word ("从低到高", "from lowest to highest")
     * makes an ordering item too.
     */
    private static final Pattern ZH_COUNTED = Pattern.compile("^(.{1,30}?)(有|共有|一共有|定义了|提供了|提供|支持|分为|包括|包含|的)([一二三四五六七八九十两\\d]{1,2})"
            + "(个|种|类|项|条|大|层|部分|级|步|点)([\\u4e00-\\u9fffA-Za-z ]{0,10}?)[，,]?\\s*((?:从|由)(?:低到高|高到低|小到大|大到小|先到后|浅入深|弱到强|强到弱))?"
            + "(?:依次|分别)?(?:是|为|如下|包括)?\\s*[：:](.{3,200}?)[。.]?$");
    private static final Pattern EN_COUNTED = Pattern.compile("(?i)^(.{2,60}?)\\s+(has|have|defines?|offers?|provides?|supports?|uses?)\\s+"
            + "(two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+([a-z][a-z -]{1,30}?)(?:,?\\s*(from \\w+ to \\w+|in order))?\\s*:\\s*(.{3,200}?)[.]?$");
    private static final Pattern EN_COUNT_FIRST = Pattern.compile("(?i)(?:two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+[a-z][a-z -]{1,30}:");
    private static final String ZH_DIGITS = "零一二三四五六七八九";
    private static final List<String> EN_NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    /** "四" → 4, "十二" → 12, "两" → 2, "12" → 12, "four" → 4; -1 when it is none of these. */
    static int count(String numeral) {
        String n = numeral.toLowerCase(java.util.Locale.ROOT);
        if (n.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(n);
        }
        if (EN_NUMBERS.contains(n)) {
            return EN_NUMBERS.indexOf(n);
        }
        if (n.equals("两")) {
            return 2;
        }
        if (n.length() == 1) {
            return n.equals("十") ? 10 : ZH_DIGITS.indexOf(n.charAt(0));
        }
        int ten = n.indexOf('十');
        if (ten < 0 || n.length() > 3) {
            return -1;
        }
        int tens = ten == 0 ? 1 : ZH_DIGITS.indexOf(n.charAt(0));
        int ones = ten == n.length() - 1 ? 0 : ZH_DIGITS.indexOf(n.charAt(n.length() - 1));
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }

    private static List<QuizItem> counted(SectionContext ctx, NoteDocument.Block block, String text, boolean zh) {
        if (!(text.indexOf('：') > 0 || text.indexOf(':') > 0)) {
            return List.of();
        }
        Matcher m = (zh ? ZH_COUNTED : EN_COUNTED).matcher(text);
        if (!m.matches()) {
            return List.of();
        }
        String subject = ARTICLE.matcher(m.group(1).strip()).replaceFirst("");
        String verb = m.group(2);
        int n = count(m.group(3));
        String noun = zh ? m.group(4) + m.group(5).strip() : m.group(4).strip();
        String order = zh ? m.group(6) : m.group(5);
        List<String> parts = parts(m.group(zh ? 7 : 6), zh);
        if (n < 2 || parts.size() != n || new LinkedHashSet<>(parts).size() != n || !Terms.isTerm(subject)
                || parts.stream().anyMatch(p -> p.length() > (zh ? 20 : 40))) {
            return List.of();
        }
        String what = zh ? (verb.equals("的") ? subject + "的" + m.group(3) + noun + "是什么？" : text.substring(0, m.end(2)).strip() + "哪" + m.group(3) + noun + "？")
                : "Name the " + m.group(3).toLowerCase(java.util.Locale.ROOT) + " " + noun + " of " + subject + ".";
        List<QuizItem> items = new ArrayList<>();
        // The Chinese key is the subject alone, as the uncounted form's: "分为4类：…" keeps the id it had.
        items.add(ctx.item("enumeration", ItemType.BASIC, zh ? subject : subject + "|" + noun).prompt(what).answer(String.join(zh ? "、" : ", ", parts))
                .explanation(text).lines(block).difficulty(Difficulty.HARD).build());
        if (order != null) {
            String topic = zh ? subject + "的" + m.group(3) + noun + "（" + order + "）" : "the " + noun + " of " + subject + " (" + order + ")";
            var builder = ctx.item("process", ItemType.ORDERING, subject + "|" + noun + "|" + n);
            items.add(builder.prompt(ctx.wording().order(topic)).answers(parts).options(Shuffle.never(parts, builder.id()))
                    .explanation(text).lines(block).difficulty(Difficulty.HARD).build());
        }
        return items;
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block) {
        String text = ctx.firstSentence(block);
        if (text.length() > 300) {
            return List.of();
        }
        boolean zh = Text.isChinese(text);
        if (zh) {
            // "类加载分为五个阶段：A、B…" is counted: the count is no part of the list.
            List<QuizItem> counted = counted(ctx, block, text, true);
            if (!counted.isEmpty()) {
                return counted;
            }
        }
        Matcher labelled;
        if ((text.indexOf('：') > 0 || text.indexOf(':') > 0) && (labelled = LABELLED.matcher(text)).matches()) {
            return labelled(ctx, block, text, labelled.group(1).strip(), labelled.group(2), zh);
        }
        String whole;
        String list;
        String verb = "";
        String kind = "parts"; // what the parts are called: "There are three kinds of outer joins" names them kinds
        Matcher m;
        String lower = zh ? "" : text.toLowerCase(java.util.Locale.ROOT);
        int stated = -1; // the count the text states, when it states one
        if (zh && zhVerb(text) && (m = ZH.matcher(text)).matches()) {
            whole = m.group(1).strip();
            verb = m.group(2);
            list = m.group(3);
            stated = m.group(4) == null ? -1 : count(m.group(4)); // "分为 Collection 和 Map 两大类"
        } else if (!zh && lower.startsWith("there are") && (m = EN_THERE_ARE.matcher(text)).matches()) {
            stated = count(m.group(1));
            kind = m.group(2).toLowerCase(java.util.Locale.ROOT);
            whole = m.group(3);
            list = m.group(4);
        } else if (!zh && lower.startsWith("there are") && (m = EN_THERE_ARE_ANY.matcher(text)).matches()) {
            stated = count(m.group(1));
            kind = m.group(2).strip();
            whole = "";
            list = m.group(3);
        } else if (!zh && enVerb(lower) && (m = EN.matcher(text)).matches()) {
            if (EN_COUNT_FIRST.matcher(m.group(2)).lookingAt()) {
                return counted(ctx, block, text, false); // "has four properties: …": the count and its noun are no part
            }
            whole = m.group(1);
            list = m.group(2);
        } else {
            return zh ? List.of() : counted(ctx, block, text, false);
        }
        Matcher trailing = zh ? ZH_TRAILING_COUNT.matcher(list) : null;
        if (trailing != null && trailing.matches()) {
            list = trailing.group(1);
            stated = count(trailing.group(2));
        }
        List<String> parts = parts(list, zh);
        if (stated >= 0 && parts.size() != stated) {
            return List.of();
        }
        String subject = ARTICLE.matcher(whole).replaceFirst("");
        String shortSubject = subject.contains("，") ? subject.substring(subject.lastIndexOf('，') + 1) : subject;
        // Two parts are a list only where the text says so ("There are two kinds of channels: …").
        if (parts.size() < (stated == 2 ? 2 : 3) || parts.size() > 10 || new LinkedHashSet<>(parts).size() != parts.size()
                || parts.stream().anyMatch(p -> p.length() > (zh ? 20 : 40) || !Terms.isTerm(p) && !PLAIN_WORDS.matcher(p).matches())
                || !whole.isEmpty() && !Terms.isTerm(shortSubject)) {
            return List.of();
        }
        String prompt = zh ? subject + (verb.startsWith("分") ? verb + "哪" + parts.size() + "类？" : verb.equals("由") ? "由哪些部分组成？（共 " + parts.size() + " 项）"
                : "包括哪些？（共 " + parts.size() + " 项）")
                : "Name the " + parts.size() + " " + kind + (subject.isEmpty() ? "" : " of " + subject) + ".";
        return List.of(ctx.item("enumeration", ItemType.BASIC, subject.isEmpty() ? kind : subject).prompt(prompt).answer(String.join(zh ? "、" : ", ", parts))
                .explanation(text).lines(block).difficulty(Difficulty.HARD).build());
    }
}
