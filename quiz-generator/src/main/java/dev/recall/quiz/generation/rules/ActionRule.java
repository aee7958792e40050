package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;
import dev.recall.quiz.generation.language.Segmenter;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the section's subject does, when a sentence starts with it and a verb other than a copula: "An inner join
 * returns only the rows …" under "Inner join" asks "What does an inner join return?"; "volatile 保证了变量的可见性"
 * under "volatile" asks "volatile 保证了什么？". Only for the heading's own subject: elsewhere a sentence's first
 * words are too often not a name.
 */
public final class ActionRule {

    private static final Pattern EN = Pattern.compile("^(?:(A|An|The)\\s+)?([A-Za-z][\\w+#.-]*(?:\\s+[\\w+#.-]+){0,3}?)\\s+([a-z]{3,}s)\\s+(.{6,160}?)[.!]?$");
    /** Verbs that a definition, a cause or no fact at all follows. */
    private static final Set<String> EN_NOT_ACTIONS = Set.of("is", "was", "has", "does", "means", "refers", "needs", "seems", "looks", "gets",
            "works", "goes", "comes", "happens", "exists", "matters", "helps", "tends", "lets", "allows");
    /** Verbs whose object is the fact (two characters each): the segmenter gives words, not parts of speech, so the verb must be one of these. */
    private static final Set<String> ZH_VERBS = Set.of("保证", "记录", "存放", "存储", "保存", "负责", "用来", "用于", "实现", "提供", "支持", "解决",
            "避免", "防止", "表示", "描述", "管理", "控制", "决定", "返回", "创建", "调用", "执行", "处理", "维护", "允许", "禁止", "保护", "限制",
            "减少", "增加", "提高", "降低", "阻止", "触发", "释放", "分配", "回收", "指向", "包装", "封装", "屏蔽", "隔离", "缓存", "同步", "生成");
    private static final Set<String> ZH_ASPECT = Set.of("了", "着", "过");

    /** One of the two-character Chinese verbs whose object is a fact ("解决", "保证", "实现", …). */
    static boolean isZhVerb(String word) {
        return ZH_VERBS.contains(word);
    }
    private static final Pattern ARTICLE = Pattern.compile("(?i)^(?:the|a|an)\\s+");

    private ActionRule() {
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block) {
        // The heading's subject, once per section ("" when it is no term): every block of the section asks.
        String heading = ctx.memo(ActionRule.class, () -> {
            String h = ARTICLE.matcher(ctx.section().heading().strip()).replaceFirst("");
            return h.isEmpty() || !Terms.isTerm(h) ? "" : h;
        });
        if (heading.isEmpty()) {
            return List.of();
        }
        String text = ctx.firstSentence(block);
        if (text.length() > 200) {
            return List.of();
        }
        String prompt;
        String answer;
        if (Text.isChinese(text)) {
            if (!text.startsWith(heading)) {
                return List.of();
            }
            int at = heading.length();
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            // Every verb of the list has two characters: the segmenter, the dear test, runs only after one.
            if (at + 2 > text.length() || !ZH_VERBS.contains(text.substring(at, at + 2))) {
                return List.of();
            }
            List<String> words = Segmenter.words(text.substring(at));
            if (words.size() < 3 || !ZH_VERBS.contains(words.get(0))) {
                return List.of();
            }
            String verb = words.get(0) + (ZH_ASPECT.contains(words.get(1)) ? words.get(1) : "");
            String ask = verb.equals("用来") ? "用来做什么？" : verb + "什么？";
            answer = text.substring(at + verb.length()).replaceAll("[。！；;]+$", "").strip();
            if (answer.length() < 4 || answer.contains("，") || answer.contains(",")) {
                return List.of(); // one object, not a clause chain
            }
            prompt = text.substring(0, at) + ask;
        } else {
            Matcher m = EN.matcher(text);
            if (!m.matches() || !sameName(m.group(2), heading) || EN_NOT_ACTIONS.contains(m.group(3))) {
                return List.of();
            }
            String article = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT) + " ";
            prompt = "What does " + article + m.group(2) + " " + base(m.group(3)) + "?";
            answer = m.group(4).strip();
        }
        return List.of(ctx.item("action", ItemType.BASIC, SectionContext.place(ctx, block, block.raw())).prompt(prompt).answer(answer)
                .explanation(text).lines(block).difficulty(Difficulty.MEDIUM).build());
    }

    /** "inner join" names "Inner join", "Outer joins" and "outer join" the same thing. */
    private static boolean sameName(String subject, String heading) {
        String s = subject.toLowerCase(Locale.ROOT);
        String h = heading.toLowerCase(Locale.ROOT);
        return s.equals(h) || (s + "s").equals(h) || s.equals(h + "s");
    }

    /** "returns" → "return", "catches" → "catch", "copies" → "copy". */
    public static String base(String verb) {
        if (verb.endsWith("ies") && verb.length() > 4) {
            return verb.substring(0, verb.length() - 3) + "y";
        }
        if (verb.endsWith("ches") || verb.endsWith("shes") || verb.endsWith("sses") || verb.endsWith("xes") || verb.endsWith("zes")) {
            return verb.substring(0, verb.length() - 2);
        }
        return verb.substring(0, verb.length() - 1);
    }
}
