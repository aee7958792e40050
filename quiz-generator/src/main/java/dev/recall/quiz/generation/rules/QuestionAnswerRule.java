package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question-and-answer pairs interview notes write out: "问：…" then "答：…", "Q: …" then "A: …", "Question: …"
 * then "Answer: …", in one paragraph or in two blocks one after the other, or a question and its answer on one line
 * ("为什么不是两次握手？因为…"). The note's own question is the card's.
 */
public final class QuestionAnswerRule {

    private static final Pattern QUESTION = Pattern.compile("(?s)^\\s*(?:问|问题|Q|Question)\\s*\\d{0,2}\\s*[:：]\\s*(.{2,300}?)\\s*$");
    private static final Pattern ANSWER = Pattern.compile("(?s)^\\s*(?:答|回答|A|Answer)\\s*\\d{0,2}\\s*[:：]\\s*(.{1,600}?)\\s*$");
    private static final Pattern BOTH = Pattern.compile("(?s)^\\s*(?:问|问题|Q|Question)\\s*\\d{0,2}\\s*[:：]\\s*(.{2,300}?)\\n\\s*(?:答|回答|A|Answer)\\s*\\d{0,2}\\s*[:：]\\s*(.{1,600}?)\\s*$");

    /** "为什么不是两次握手？因为…": a question and its answer on one line. */
    private static final Pattern INLINE = Pattern.compile("(?s)^([^？?\\n]{4,80}[？?])\\s*([^？?].{3,400}?)\\s*$");
    private static final Pattern ASKING = Pattern.compile("(?i)为什么|为何|什么|如何|怎么|怎样|哪|是否|能否|吗[？?]$|^(?:why|what|how|when|which|who|where|is|are|does|do|can|should)\\b");

    private QuestionAnswerRule() {
    }

    /** The items, and into {@code taken} the blocks they were made of (no other rule reads those). */
    public static List<QuizItem> items(SectionContext ctx, List<NoteDocument.Block> blocks, Set<NoteDocument.Block> taken) {
        List<QuizItem> items = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            NoteDocument.Block block = blocks.get(i);
            if (block.kind() != NoteDocument.Kind.PARAGRAPH || !mayAsk(block.raw())) {
                continue; // every form needs a question label or an early question mark: most paragraphs are skipped unread
            }
            String text = lines(ctx, block);
            Matcher both = BOTH.matcher(text);
            if (text.indexOf('\n') > 0 && both.matches()) {
                items.add(card(ctx, both.group(1), both.group(2), block, block));
                taken.add(block);
                continue;
            }
            Matcher inline = INLINE.matcher(text);
            if (inline.matches() && ASKING.matcher(inline.group(1)).find()) {
                items.add(card(ctx, inline.group(1), inline.group(2), block, block));
                taken.add(block);
                continue;
            }
            Matcher question = QUESTION.matcher(text);
            if (i + 1 < blocks.size() && blocks.get(i + 1).kind() == NoteDocument.Kind.PARAGRAPH && question.matches()) {
                NoteDocument.Block next = blocks.get(i + 1);
                Matcher answer = ANSWER.matcher(lines(ctx, next));
                if (answer.matches()) {
                    items.add(card(ctx, question.group(1), answer.group(1), block, next));
                    taken.add(block);
                    taken.add(next);
                    i++;
                }
            }
        }
        return items;
    }

    /** Opens with a question label ("问", "Q", "Question"), or has a question mark within its first line's reach. */
    private static boolean mayAsk(String raw) {
        String s = raw.stripLeading();
        if (s.startsWith("问") || s.startsWith("Q") || s.startsWith("q")) {
            return true;
        }
        int reach = Math.min(s.length(), 82);
        for (int i = 0; i < reach; i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '？') {
                return true;
            }
        }
        return false;
    }

    /** The block as the learner reads it, its lines kept (a question line, then an answer line). */
    private static String lines(SectionContext ctx, NoteDocument.Block block) {
        return Text.plain(ctx.document().unmask(block.raw())).strip();
    }

    private static QuizItem card(SectionContext ctx, String question, String answer, NoteDocument.Block first, NoteDocument.Block last) {
        String q = question.replace('\n', ' ').strip();
        return ctx.item("question", ItemType.BASIC, q).prompt(q).answer(answer.strip()).lines(first.startLine(), last.endLine())
                .difficulty(Difficulty.MEDIUM).build();
    }
}
