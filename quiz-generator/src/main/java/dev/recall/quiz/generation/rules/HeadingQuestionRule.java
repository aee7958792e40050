package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heading that asks ("为什么需要索引？", "Why use a pool?", "…的作用") answered by the first paragraph under it:
 * the question is the heading, the answer the paragraph's first sentences (without "X是" when the heading asks
 * "什么是X").
 */
public final class HeadingQuestionRule {

    private static final Pattern WHY_OR_ROLE = Pattern.compile("^(为什么|为何|why\\b|how\\b).*|.*(的作用|的用途|的目的|的原因|的意义)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHY_HOW = Pattern.compile("(?i)^(why|how)\\b.*");
    private static final Pattern WHAT_IS = Pattern.compile("(?i)^(?:什么是|何为|what\\s+(?:is|are)\\s+(?:an?\\s+|the\\s+)?)(.{1,40}?)[?？]?$");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[。.；;]+$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]|\\.(\\s|$)");
    private static final int MAX_ANSWER = 240;

    private HeadingQuestionRule() {
    }

    /** The heading is a question (or names a role or reason): the first paragraph answers it. */
    public static boolean asks(String heading) {
        return heading.endsWith("?") || heading.endsWith("？") || WHY_OR_ROLE.matcher(heading).matches();
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block first) {
        String heading = ctx.section().heading();
        String prompt = heading.endsWith("?") || heading.endsWith("？") ? heading
                : WHY_HOW.matcher(heading).matches() ? heading + "?" : heading.startsWith("为") ? heading + "？" : heading + "是什么？";
        String answer = withoutSubject(heading, Text.plain(ctx.document().unmask(firstSentences(first.raw(), MAX_ANSWER))));
        return List.of(ctx.item("heading-question", ItemType.BASIC, heading).prompt(prompt).answer(answer)
                .explanation(Text.plain(ctx.document().unmask(first.raw()))).lines(ctx.section().startLine(), first.endLine()).build());
    }

    /** "什么是闭包？" answered by "闭包是……": the answer without "闭包是" (and "A socket is …" without "A socket is"). */
    static String withoutSubject(String heading, String answer) {
        Matcher what = WHAT_IS.matcher(heading.strip());
        if (!what.matches()) {
            return answer;
        }
        String term = Pattern.quote(what.group(1).strip());
        String rest = answer.replaceFirst("(?i)^(?:(?:an?|the)\\s+)?" + term + "\\s*(?:(?:只|就|即)?(?:指的是|是|指)|\\s(?:is|are|means)\\s)\\s*", "");
        return rest.length() >= 4 ? END_PUNCTUATION.matcher(rest).replaceAll("") : answer;
    }

    /** The first sentences up to about {@code max} characters (at least half of it), truncated at max. */
    static String firstSentences(String text, int max) {
        String flat = text.replace('\n', ' ').strip();
        Matcher end = SENTENCE_END.matcher(flat);
        int cut = flat.length();
        while (end.find()) {
            cut = end.end();
            if (cut >= Math.min(max, flat.length()) / 2) {
                break;
            }
        }
        String sentences = flat.substring(0, cut).strip();
        return sentences.length() > max ? Text.truncate(sentences, max) : sentences;
    }
}
