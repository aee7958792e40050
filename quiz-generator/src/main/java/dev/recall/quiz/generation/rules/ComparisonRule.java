package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparisons of two things: the two come from the heading ("A vs B", "A和B的区别", "Differences between A and B")
 * or from a sentence "A…，而B…" / "A …, while B …". A statement about one side becomes a true/false item, false
 * when the two sides are swapped ("哈希索引支持范围查询"); a contrast under an aspect label ("开销：进程…，线程…")
 * becomes a compare card.
 */
public final class ComparisonRule {

    /** The two things a heading compares, or null. */
    public record Sides(String a, String b) {
    }

    private static final Pattern ZH_COMPARING = Pattern.compile(".*(?:区别|对比|比较|异同|差异|不同|vs|VS).*");
    private static final Pattern EN_COMPARING = Pattern.compile("(?i)vs|versus|difference|compar");
    private static final Pattern ARTICLE = Pattern.compile("(?i)^(?:the|a|an)\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][\\w-]*");
    private static final Pattern ADVERB_END = Pattern.compile(".*(?:仍然|依然|还|也|都|就|才)$");
    private static final Pattern CLAUSE_MARK = Pattern.compile("[，,；;]");
    private static final Pattern ZH_HEADING = Pattern.compile("^(.{1,20}?)\\s*(?:和|与|跟|同|vs\\.?|VS|对比)\\s*(.{1,20}?)\\s*(?:的)?(?:区别|对比|比较|异同|差异|不同|之争)?[？?]?$");
    private static final Pattern EN_HEADING = Pattern.compile(
            "(?i)^(?:(?:differences? between|comparing|compare)\\s+(.{1,30}?)\\s+(?:and|with|to)\\s+(.{1,30}?)|(.{1,30}?)\\s+(?:vs\\.?|versus)\\s+(.{1,30}?))\\s*[?]?$");
    private static final Pattern ZH_CONTRAST = Pattern.compile("^(.{2,80}?)[，,；;]\\s*(?:而|但|但是|然而)?\\s*(.{2,80}?)[。.]?$");
    private static final Pattern EN_CONTRAST = Pattern.compile("^(.{6,160}?)(?:,\\s*(?:while|whereas|but)|;)\\s+(.{6,160}?)[.]?$");
    private static final Pattern EN_COMMA_CONTRAST = Pattern.compile("^([^,]{6,160}),\\s+([^,]{6,160}?)[.]?$");
    private static final Pattern ZH_CONTRAST_SUBJECT = Pattern.compile("^([^，,。]{1,12}?)(?:直接|也|都|还|就|只|才|总是|通常|一般|往往|主要|仍然|已经)?(?:不|没|未|无法)?(?:只支持|支持|只能|可以|可能|容易|能够|必须|往往|通常|总是|不能|需要|不需要|没有|拥有|共享|是|有|会|不会|更|比|只在|在|则|采用|使用|通过|依赖|基于|适合|用于)");
    /** A clause that gives a cause or a condition, not one side of a contrast: "因为镜像的每一层都是只读的，所以…". */
    private static final Pattern ZH_NOT_A_SIDE = Pattern.compile("^(?:因为|由于|如果|假如|虽然|尽管|只要|除非|当|所以|因此|于是)");
    private static final Pattern CONTRAST_MARKER = Pattern.compile("[，,；;]\\s*(?:而|但|但是|然而|相反)");
    private static final Pattern LABEL = Pattern.compile("^([^：:，,。]{1,12})[：:]\\s*(.+)$");

    private ComparisonRule() {
    }

    /** The text speaks of both sides the heading compares: a contrast, never a definition of its label. */
    public static boolean contrasts(String heading, String text) {
        Sides sides = sides(heading);
        return sides != null && text.contains(sides.a()) && text.contains(sides.b());
    }

    /** The English form needs a semicolon, or a comma and "while", "whereas" or "but". */
    private static boolean englishContrastMark(String text) {
        return text.indexOf(';') >= 0 || text.indexOf(',') >= 0 && (text.contains("while") || text.contains("whereas") || text.contains("but"));
    }

    /** The heading last asked about and its sides: every block and list entry of a section asks again. */
    private static final ThreadLocal<Object[]> LAST_SIDES = ThreadLocal.withInitial(() -> new Object[] {null, null});

    public static Sides sides(String heading) {
        Object[] last = LAST_SIDES.get();
        if (heading.equals(last[0])) {
            return (Sides) last[1];
        }
        Sides sides = sidesOf(heading);
        last[0] = heading;
        last[1] = sides;
        return sides;
    }

    private static Sides sidesOf(String heading) {
        Matcher en = EN_HEADING.matcher(heading.strip());
        if (EN_COMPARING.matcher(heading).find() && en.matches()) {
            String a = en.group(1) != null ? en.group(1) : en.group(3);
            String b = en.group(2) != null ? en.group(2) : en.group(4);
            return clean(a, b);
        }
        if (!ZH_COMPARING.matcher(heading).matches() || !Text.isChinese(heading)) {
            return null;
        }
        Matcher zh = ZH_HEADING.matcher(heading.strip());
        if (zh.matches()) {
            return clean(zh.group(1), zh.group(2));
        }
        return null;
    }

    private static Sides clean(String a, String b) {
        a = ARTICLE.matcher(a.strip()).replaceFirst("");
        b = ARTICLE.matcher(b.strip()).replaceFirst("");
        return a.isEmpty() || b.isEmpty() || Text.normalise(a).equals(Text.normalise(b)) ? null : new Sides(a, b);
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block, String raw) {
        String text = DefinitionRule.firstSentence(ctx.plain(raw));
        if (text.length() > 300) {
            return List.of();
        }
        boolean zh = Text.isChinese(text);
        String aspect = null;
        Matcher label = LABEL.matcher(text);
        if (zh && (text.indexOf(':') >= 0 || text.indexOf('：') >= 0) && label.matches()) {
            aspect = label.group(1).strip();
            text = label.group(2).strip();
        }
        if (!CLAUSE_MARK.matcher(text).find()) { // both forms need a comma or semicolon
            return List.of();
        }
        Sides sides = sides(ctx.section().heading());
        // In English a bare comma is a contrast only under a heading that names the two sides, each clause
        // starting with one of them ("Threads share memory, processes have separate memory").
        boolean bareComma = !zh && !englishContrastMark(text);
        Matcher contrast = (zh ? ZH_CONTRAST : bareComma ? EN_COMMA_CONTRAST : EN_CONTRAST).matcher(text);
        if (bareComma && sides == null || !contrast.matches()) {
            return List.of();
        }
        String first = contrast.group(1).strip();
        String second = contrast.group(2).strip();
        if (zh && (ZH_NOT_A_SIDE.matcher(first).find() || ZH_NOT_A_SIDE.matcher(second).find())) {
            return List.of();
        }
        String a = null;
        String b = null;
        if (zh) {
            // The subjects the sentence itself names are the most precise ("B+树索引" rather than the heading's "B+树").
            Matcher x = ZH_CONTRAST_SUBJECT.matcher(first);
            Matcher y = ZH_CONTRAST_SUBJECT.matcher(second);
            // The segmenter last: it is the dearest test. The expression starts with ^: lookingAt is its find.
            if (x.lookingAt() && y.lookingAt() && plainSubject(x.group(1)) && plainSubject(y.group(1)) && Terms.isTerm(x.group(1)) && Terms.isTerm(y.group(1))
                    && !Text.normalise(x.group(1)).equals(Text.normalise(y.group(1)))
                    && (sides == null ? CONTRAST_MARKER.matcher(text).find() : related(x.group(1), y.group(1), sides))
                    && Terms.wholeWords(first, 0, x.end(1)) && Terms.wholeWords(second, 0, y.end(1))) {
                a = x.group(1);
                b = y.group(1);
            }
        }
        if (a == null && sides != null && starts(first, sides.a()) && starts(second, sides.b())) {
            a = sides.a();
            b = sides.b();
        } else if (a == null && sides != null && starts(first, sides.b()) && starts(second, sides.a())) {
            a = sides.b();
            b = sides.a();
        }
        if (a != null && !zh) {
            a = asWritten(first, a);
            b = asWritten(second, b);
        }
        if (a == null && !zh && !bareComma) {
            String[] pair = differingWords(first, second);
            if (pair == null) {
                pair = subjects(first, second);
            }
            // Under "A vs B" the sides are A and B: "…, but the consumer must deduplicate" names no peer of either
            if (pair != null && (sides == null || namesASide(pair[0], sides) == namesASide(pair[1], sides))) {
                a = pair[0];
                b = pair[1];
            }
        }
        if (a == null) {
            return List.of();
        }
        if (!first.contains(a) && first.toLowerCase(java.util.Locale.ROOT).contains(a.toLowerCase(java.util.Locale.ROOT))) {
            int at = first.toLowerCase(java.util.Locale.ROOT).indexOf(a.toLowerCase(java.util.Locale.ROOT));
            a = first.substring(at, at + a.length());
        }
        List<QuizItem> items = new ArrayList<>();
        if (first.contains(a) && !first.contains(b) && countOf(first, a) == 1) {
            // Named by where the claim stands, not by its wording: a reworded claim keeps its id.
            String key = a + "|" + b + "|" + (aspect == null ? SectionContext.place(ctx, block, raw) : aspect);
            var tf = ctx.item("comparison", ItemType.TRUE_FALSE, key);
            boolean swap = (Text.seed(tf.id()) & 1) == 1;
            String claim = swap ? swapped(first, a, b) : first;
            String statement = zh ? claim + "。" : Text.sentenceStart(claim) + ".";
            items.add(tf.prompt(ctx.wording().trueFalse(statement)).answer(swap ? "false" : "true").options(List.of("true", "false"))
                    .explanation(ctx.plain(raw)).lines(block).difficulty(Difficulty.EASY).build());
        }
        if (aspect != null) {
            String[] names = sides != null ? new String[] {sides.a(), sides.b()} : new String[] {a, b};
            items.add(ctx.item("comparison", ItemType.BASIC, names[0] + "|" + names[1] + "|" + aspect)
                    .prompt(ctx.wording().compare(names[0], names[1], aspect)).answer(text).explanation(ctx.plain(raw)).lines(block)
                    .difficulty(Difficulty.MEDIUM).build());
        }
        return items;
    }

    /**
     * English clauses that differ in one word near their start, before a shared noun: "A strong ETag changes …,
     * while a weak ETag changes …" → strong / weak.
     */
    private static String[] differingWords(String first, String second) {
        String[] x = SPACES.split(first);
        String[] y = SPACES.split(second);
        for (int i = 0; i < Math.min(4, Math.min(x.length, y.length) - 1); i++) {
            if (!x[i].equalsIgnoreCase(y[i])) {
                boolean sameNoun = x[i + 1].equalsIgnoreCase(y[i + 1]);
                boolean word = WORD.matcher(x[i]).matches() && WORD.matcher(y[i]).matches();
                return sameNoun && word && Terms.isTerm(x[i]) && Terms.isTerm(y[i]) ? new String[] {x[i], y[i]} : null;
            }
        }
        return null;
    }

    /** A clause's subject of one or two words before its verb: "Threads are scheduled …", "coroutines switch …". */
    private static final Pattern EN_SUBJECT = Pattern.compile("(?i)^(?:the |a |an )?([a-z][\\w+#-]*(?: [a-z][\\w+#-]*)??)\\s+(?:are|is|can|cannot|can't|do|does|don't|doesn't"
            + "|need|needs|must|will|only|always|never|rarely|often|usually|also|share|shares|run|runs|use|uses|switch|switches|keep|keeps|block|blocks"
            + "|support|supports|store|stores|return|returns|take|takes|work|works|get|gets|have|has)\\b");

    /**
     * "Threads are scheduled by the OS, while coroutines switch only at await points": two different subjects, each a
     * term, neither part of the other.
     */
    private static String[] subjects(String first, String second) {
        Matcher x = EN_SUBJECT.matcher(first);
        Matcher y = EN_SUBJECT.matcher(second);
        if (!x.lookingAt() || !y.lookingAt()) {
            return null;
        }
        String a = x.group(1);
        String b = y.group(1);
        String la = a.toLowerCase(java.util.Locale.ROOT);
        String lb = b.toLowerCase(java.util.Locale.ROOT);
        return Terms.isTerm(a) && Terms.isTerm(b) && !la.contains(lb) && !lb.contains(la) ? new String[] {a, b} : null;
    }

    /** A subject named by a short noun phrase, not a clause ("里面的元素仍然"). */
    private static boolean plainSubject(String subject) {
        return subject.length() <= 10 && !subject.contains("的") && !ADVERB_END.matcher(subject).matches();
    }

    /** {@code name} is one of the sides, in any case ("at-least-once" of "Exactly-once vs at-least-once"). */
    private static boolean namesASide(String name, Sides sides) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.contains(sides.a().toLowerCase(java.util.Locale.ROOT)) || n.contains(sides.b().toLowerCase(java.util.Locale.ROOT))
                || sides.a().toLowerCase(java.util.Locale.ROOT).contains(n) || sides.b().toLowerCase(java.util.Locale.ROOT).contains(n);
    }

    /** The sentence's subjects are the heading's two sides (or contain them). */
    private static boolean related(String x, String y, Sides sides) {
        return x.contains(sides.a()) && y.contains(sides.b()) || x.contains(sides.b()) && y.contains(sides.a());
    }

    /** A heading's plural side as the clause writes it: "access token" of "Access tokens" in "An access token is …". */
    private static String asWritten(String clause, String name) {
        String lower = clause.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains(name.toLowerCase(java.util.Locale.ROOT)) || !name.endsWith("s") || name.length() <= 3) {
            return name;
        }
        String singular = name.substring(0, name.length() - 1);
        return lower.contains(singular.toLowerCase(java.util.Locale.ROOT)) ? singular : name;
    }

    private static boolean starts(String clause, String name) {
        int at = clause.toLowerCase(java.util.Locale.ROOT).indexOf(asWritten(clause, name).toLowerCase(java.util.Locale.ROOT));
        return at >= 0 && at <= 4;
    }

    /**
     * {@code clause} with side {@code a} replaced by side {@code b}. "Symmetric vs asymmetric encryption" names the
     * sides "Symmetric" and "asymmetric encryption": the noun they share is not written twice ("Asymmetric
     * encryption uses…", not "asymmetric encryption encryption uses…").
     */
    public static String swapped(String clause, String a, String b) {
        // "Auto commit (enable.auto.commit=true) commits …": the brackets said something of a, not of b
        int at = clause.indexOf(a);
        if (at >= 0 && clause.startsWith(" (", at + a.length()) && clause.indexOf(')', at + a.length()) > 0) {
            clause = clause.substring(0, at + a.length()) + clause.substring(clause.indexOf(')', at + a.length()) + 1);
        }
        int space = b.lastIndexOf(' ');
        String shared = space < 0 ? "" : b.substring(space);
        if (!shared.isEmpty() && !a.endsWith(shared) && clause.contains(a + shared)) {
            return article(clause.replace(a + shared, b));
        }
        return article(clause.replace(a, b));
    }

    private static final Pattern INDEFINITE = Pattern.compile("(?i)\\b(a|an)\\s+([a-z])");

    /** "An left join" after a swap reads "A left join": the article agrees with the word after it. */
    private static String article(String text) {
        Matcher m = INDEFINITE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean vowel = "aeiouAEIOU".indexOf(m.group(2).charAt(0)) >= 0;
            String word = m.group(1);
            String fixed = vowel ? (Character.isUpperCase(word.charAt(0)) ? "An" : "an") : (Character.isUpperCase(word.charAt(0)) ? "A" : "a");
            m.appendReplacement(out, Matcher.quoteReplacement(fixed + " " + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

}
