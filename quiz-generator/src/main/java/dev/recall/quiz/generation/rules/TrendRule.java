package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trends: "隔离级别越高，并发性能越差", "The larger the heap, the longer each full collection takes". The learner fills
 * in which way the second thing goes: a cloze on its last comparative ("越[...]", "the [...] each full collection").
 */
public final class TrendRule {

    /** "X越A，Y越B": the second 越 and the word after it (one to four characters, up to the end of the clause). */
    private static final Pattern ZH = Pattern.compile("^([^，,。；;]{1,30}?越[^，,。；;]{1,12})[，,]\\s*([^，,。；;]{0,30}?越)([\\u4e00-\\u9fff]{1,4})[。.；;!！]?$");
    /** "The larger the heap, the longer …": the comparative after the second "the". */
    private static final Pattern EN = Pattern.compile(
            "(?i)^(the (?:more|less|fewer|[a-z]{2,12}er)\\b[^,;.]{1,60}),\\s*(the )(more|less|fewer|[a-z]{2,12}er)\\b([^,;]{0,80}?)[.!]?$");

    private TrendRule() {
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block) {
        String text = ctx.firstSentence(block);
        if (text.length() > 160) {
            return List.of();
        }
        boolean zh = Text.isChinese(text);
        Matcher m;
        String prompt;
        String answer;
        if (zh && text.indexOf('越') >= 0 && (m = ZH.matcher(text)).matches()) {
            answer = m.group(3);
            prompt = m.group(1) + "，" + m.group(2) + "[...]。";
        } else if (!zh && text.regionMatches(true, 0, "the ", 0, 4) && (m = EN.matcher(text)).matches()) {
            answer = m.group(3);
            prompt = m.group(1) + ", " + m.group(2) + "[...]" + m.group(4) + ".";
        } else {
            return List.of();
        }
        return List.of(ctx.item("trend", ItemType.CLOZE, SectionContext.place(ctx, block, block.raw())).prompt(prompt).answer(answer)
                .explanation(text).lines(block).difficulty(Difficulty.EASY).build());
    }
}
