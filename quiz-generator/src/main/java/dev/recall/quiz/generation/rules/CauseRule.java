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
 * Cause and effect as why-questions: "因为X，所以Y" / "由于X，Y" / "Y，是因为X" / "Y，因为X", "Y because X",
 * "Because X, Y", "X, so Y", "X，所以Y", "X so that Y" (what for), "X，是为了Y" (why, answered by the purpose). Under a heading that already asks why, the first block is left to the
 * heading question.
 */
public final class CauseRule {

    private static final Pattern TRAILING = Pattern.compile("[，,。.]+$");
    private static final Pattern ZH_BECAUSE_SO = Pattern.compile("^(?:正是)?(?:因为|由于)(.{2,80}?)[，,]\\s*(?:所以|因此|因而|于是|才|就)?(.{2,80}?)[。！]?$");
    private static final Pattern ZH_EFFECT_BECAUSE = Pattern.compile("^(.{2,80}?)[，,]\\s*(?:是)?因为(.{2,80}?)[。！]?$");
    /** "TIME_WAIT 要等待 2MSL，是为了确保…": why, answered by the purpose. */
    private static final Pattern ZH_PURPOSE = Pattern.compile("^(.{4,80}?)[，,]\\s*(?:是|这是)?为了(.{2,80}?)[。！]?$");
    /** "reset 会改写历史，所以已推送的提交用 revert": the effect after 所以/因此, its cause before (a "说明：" label dropped). */
    private static final Pattern ZH_SO = Pattern.compile("^(.{4,120}?)[，,]\\s*(?:所以|因此|因而)(.{4,80}?)[。！]?$");
    private static final Pattern LABEL = Pattern.compile("^[^：:，,。]{1,6}[：:]\\s*");
    /** "…，这就是混合加密": a closing clause that names what the effect is called, no part of what is asked. */
    private static final Pattern ZH_NAMING_TAIL = Pattern.compile("[，,]\\s*这(?:就|也)?(?:是|叫|叫做|称为|被称为)[^，,。]{1,20}$");
    /** "Only the auth server can sign, so other services never hold the key." */
    private static final Pattern EN_SO = Pattern.compile("^(.{8,160}?),\\s+so\\s+(.{4,160}?)[.!]?$");
    private static final Pattern EN_BECAUSE = Pattern.compile("^(.{8,160}?),?\\s+because\\s+(.{4,160}?)[.!]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_BECAUSE_FIRST = Pattern.compile("^Because\\s+(.{4,160}?),\\s+(.{8,160}?)[.!]?$");
    private static final Pattern EN_SO_THAT = Pattern.compile("^(.{8,160}?),?\\s+so that\\s+(.{4,160}?)[.!]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHY_HEADING = Pattern.compile("(?i)^(?:\\d+(?:\\.\\d+)*\\.?\\s*)?(?:为什么|为何|why\\b).*");
    private static final Pattern LAST_CLAUSE = Pattern.compile(",\\s+and\\s+|;\\s*");

    /** "这样做的好处是…", "它的作用是…": what the section's subject is good for, asked by its heading. */
    private static final Pattern ZH_BENEFIT = Pattern.compile("^(?:这样做|这么做|这样|它|其)?的?(好处|优点|作用|目的|意义|优势)(?:是|在于|就是)[：:，,]?\\s*(.{4,120}?)[。！]?$");
    /** "The benefit of this is that …", "Its main purpose is to …". */
    private static final Pattern EN_BENEFIT = Pattern.compile(
            "(?i)^(?:the|its|one)\\s+(?:main\\s+|key\\s+|big\\s+)?(benefit|advantage|point|purpose)(?:\\s+of\\s+(?:this|that|doing so|it))?\\s+is\\s+(?:that\\s+)?(.{4,160}?)[.!]?$");

    private CauseRule() {
    }

    private static final dev.recall.quiz.generation.language.Words BENEFIT_WORDS = dev.recall.quiz.generation.language.Words.of(
            "好处", "优点", "作用", "目的", "意义", "优势", "benefit", "advantage", "point", "purpose");

    /** The benefit a sentence names of what the section is about, as a question on the heading. */
    private static List<QuizItem> benefit(SectionContext ctx, NoteDocument.Block block, String text) {
        String heading = ctx.section().heading();
        boolean zh = Text.isChinese(text);
        Matcher m = (zh ? ZH_BENEFIT : EN_BENEFIT).matcher(text);
        if (heading.isBlank() || !m.matches() || !Terms.isTerm(heading)) {
            return List.of();
        }
        String label = m.group(1);
        String answer = TRAILING.matcher(m.group(2).strip()).replaceAll("");
        String prompt = zh ? heading + "有什么" + label + "？" : "What is the " + label.toLowerCase(java.util.Locale.ROOT) + " of " + heading + "?";
        return List.of(ctx.item("cause", ItemType.BASIC, SectionContext.place(ctx, block, null)).prompt(prompt)
                .answer(zh ? answer : Text.sentenceStart(answer)).explanation(text).lines(block).difficulty(Difficulty.MEDIUM).build());
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block) {
        if (WHY_HEADING.matcher(ctx.section().heading()).matches() && !ctx.blocks().isEmpty() && ctx.blocks().get(0) == block) {
            return List.of(); // the heading's own question is answered by this block
        }
        String text = ctx.firstSentence(block);
        if (text.length() > 300) {
            return List.of();
        }
        String cause;
        String effect;
        boolean purpose = false;
        Matcher m;
        // Each form needs its marker word: the expressions (reluctant groups over the sentence) run only then.
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (BENEFIT_WORDS.in(text)) {
            List<QuizItem> benefit = benefit(ctx, block, text);
            if (!benefit.isEmpty()) {
                return benefit;
            }
        }
        boolean because = text.contains("因为");
        if ((because || text.contains("由于")) && (m = ZH_BECAUSE_SO.matcher(text)).matches()) {
            cause = m.group(1);
            effect = m.group(2);
        } else if (because && (m = ZH_EFFECT_BECAUSE.matcher(text)).matches() && Text.isChinese(text)) {
            effect = m.group(1);
            cause = m.group(2);
        } else if (text.contains("为了") && (m = ZH_PURPOSE.matcher(text)).matches() && Text.isChinese(text)) {
            effect = m.group(1);
            cause = "为了" + m.group(2);
        } else if ((text.contains("所以") || text.contains("因此")) && (m = ZH_SO.matcher(LABEL.matcher(text).replaceFirst(""))).matches()
                && Text.isChinese(text)) {
            cause = m.group(1);
            effect = m.group(2);
        } else if (text.startsWith("Because") && (m = EN_BECAUSE_FIRST.matcher(text)).matches()) {
            cause = m.group(1);
            effect = m.group(2);
        } else if (lower.contains("because") && (m = EN_BECAUSE.matcher(text)).matches()) {
            // The effect is the clause "because" follows: "A suits X; B still needs Y because of Z" explains B.
            effect = m.group(1).substring(m.group(1).lastIndexOf(';') + 1);
            cause = m.group(2);
            if (cause.startsWith("of ")) {
                cause = "because " + cause; // "because of the GIL": the answer is not "Of the GIL"
            }
        } else if (lower.contains(", so ") && !lower.contains("so that") && (m = EN_SO.matcher(text)).matches()) {
            cause = m.group(1);
            effect = m.group(2);
        } else if (lower.contains("so that") && (m = EN_SO_THAT.matcher(text)).matches()) {
            // "X is the most common choice, and consumers are made idempotent so that …": the purpose is the last clause's
            effect = LAST_CLAUSE.split(m.group(1))[LAST_CLAUSE.split(m.group(1)).length - 1];
            cause = m.group(2);
            purpose = true;
        } else {
            return List.of();
        }
        effect = TRAILING.matcher(effect.strip()).replaceAll("");
        if (effect.indexOf('这') > 0) {
            effect = ZH_NAMING_TAIL.matcher(effect).replaceFirst("");
        }
        cause = TRAILING.matcher(cause.strip()).replaceAll("");
        if (effect.length() < 4 || cause.length() < 4) {
            return List.of();
        }
        boolean zh = Text.isChinese(text);
        String prompt;
        if (zh) {
            prompt = "为什么" + effect + "？";
        } else if (purpose) {
            prompt = "What is this for: \u201C" + effect + "\u201D?";
        } else {
            prompt = "Why is this so: \u201C" + effect + "\u201D?";
        }
        String answer = zh ? cause : Text.sentenceStart(cause);
        // Named by where it stands, not by its wording: a reworded cause keeps its id.
        return List.of(ctx.item("cause", ItemType.BASIC, SectionContext.place(ctx, block, null)).prompt(prompt).answer(answer).explanation(text).lines(block)
                .difficulty(Difficulty.MEDIUM).build());
    }

}
