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
 * Two parallel statements in one sentence, as one cloze with both subjects blanked: "进程是资源分配的单位，线程是
 * 调度的单位" → "[...]是资源分配的单位，[...]是调度的单位"; "GET is idempotent, POST is not" → "[...] is
 * idempotent, [...] is not". The learner must know which goes where.
 */
public final class PairRule {

    private static final Pattern CLAUSE_MARK = Pattern.compile("[，,。；;]");
    private static final Pattern ZH = Pattern.compile("^([^，,。；;]{1,12}?)(是|不是|只能|可以|不能|需要|不需要|没有|有)([^，,。；;]{2,60})[，,；;]\\s*(?:而)?([^，,。；;]{1,12}?)(是|不是|只能|可以|不能|需要|不需要|没有|有)([^，,。；;]{1,60})[。.]?$");
    private static final Pattern EN = Pattern.compile("^(?:(?:The|A|An)\\s+)?([A-Z][\\w\\-+#/.]*(?:\\s[\\w\\-+#/.]+){0,2}?)\\s+(is|are|isn't|aren't|has|have|can|cannot|can't|does|doesn't)\\s+([^,;]{1,80}),?\\s*(?:;|,|while|whereas|but)\\s+(?:(?:the|a|an)\\s+)?([A-Z][\\w\\-+#/.]*(?:\\s[\\w\\-+#/.]+){0,2}?)\\s+(is|are|isn't|aren't|has|have|can|cannot|can't|does|doesn't)\\b\\s*([^,;]{0,80}?)[.!]?$");

    private PairRule() {
    }

    private static final Pattern CLAUSES = Pattern.compile("\\s*[，,；;]\\s*");
    private static final Pattern FINAL_STOP = Pattern.compile("[。.]$");
    /** Verbs a row of parallel clauses shares: "读已提交解决了脏读，可重复读解决了不可重复读，串行化解决了幻读". */
    private static final Pattern SHARED_VERB = Pattern.compile("解决了|解决|用于|用来|负责|对应|适合|适用于|属于|表示|代表|基于|依赖|保证|实现|管理|存储|保存|处理"
            + "|不支持|支持|不是|是|只能|可以|不能|不需要|需要|没有|有");
    /** The verbs {@link #ZH} reads already: two clauses with one of them are its case. */
    private static final java.util.Set<String> PAIR_VERBS = java.util.Set.of("是", "不是", "只能", "可以", "不能", "需要", "不需要", "没有", "有");

    /**
     * Two to four clauses with one verb after a short subject each, as one cloze of all the subjects: which goes
     * with which is the fact. Two clauses only for the verbs {@link #ZH} does not read.
     */
    private static List<QuizItem> parallel(SectionContext ctx, NoteDocument.Block block, String text) {
        String[] clauses = CLAUSES.split(FINAL_STOP.matcher(text).replaceAll(""));
        if (clauses.length < 2 || clauses.length > 4) {
            return List.of();
        }
        String verb = null;
        List<String> subjects = new java.util.ArrayList<>();
        for (String clause : clauses) {
            Matcher v = SHARED_VERB.matcher(clause);
            if (!v.find() || v.start() == 0 || v.start() > 12 || verb != null && !verb.equals(v.group()) || v.end() == clause.length()) {
                return List.of();
            }
            verb = v.group();
            subjects.add(clause.substring(0, v.start()).strip());
        }
        if (clauses.length == 2 && PAIR_VERBS.contains(verb) || new java.util.LinkedHashSet<>(subjects).size() != subjects.size()) {
            return List.of();
        }
        for (String subject : subjects) {
            if (!Terms.isTerm(subject) || subjects.stream().anyMatch(other -> other != subject && other.contains(subject))) {
                return List.of();
            }
        }
        StringBuilder clozed = new StringBuilder();
        java.util.Set<Integer> blanks = new java.util.HashSet<>();
        int at = 0;
        for (String subject : subjects) {
            int found = text.indexOf(subject, at);
            if (!Terms.wholeWords(text, found, found + subject.length())) {
                return List.of();
            }
            blanks.add(found);
            clozed.append(text, at, found).append("[...]");
            at = found + subject.length();
        }
        clozed.append(text.substring(at));
        if (subjects.stream().anyMatch(subject -> namedElsewhere(text, subject, blanks))) {
            return List.of(); // a subject named again elsewhere would give the answer away
        }
        return List.of(ctx.item("pair", ItemType.CLOZE, String.join("|", subjects)).prompt(clozed.toString()).answers(subjects)
                .explanation(text).lines(block).difficulty(Difficulty.MEDIUM).build());
    }

    /**
     * Two of the characters every verb of {@link #ZH} ends with (是能以要有), the first within its first 15 characters:
     * the expression needs a verb after a subject of at most 12 characters, and another in the second clause.
     */
    static boolean twoZhVerbs(String text) {
        boolean first = false;
        int codePoints = 0; // the subject's bound counts code points, not chars
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("是能以要有".indexOf(c) >= 0) {
                if (first) {
                    return true;
                }
                if (codePoints > 14) {
                    return false;
                }
                first = true;
            }
            if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))) {
                codePoints++;
            }
        }
        return false;
    }

    private static final String[] EN_VERB_STARTS = {"is", "are", "has", "have", "can", "does"};

    /** Two words after white space that start like a verb of {@link #EN} (is, are, has, have, can, does and their negations). */
    static boolean twoEnVerbs(String text) {
        int found = 0;
        for (int i = 1; i < text.length(); i++) {
            if (" \t\n\u000B\f\r".indexOf(text.charAt(i - 1)) < 0) {
                continue;
            }
            for (String verb : EN_VERB_STARTS) {
                if (text.startsWith(verb, i)) {
                    if (++found == 2) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** {@code word} stands in {@code text} as a word of its own outside the blanks ("可重复读" does not in "不可重复读"). */
    private static boolean namedElsewhere(String text, String word, java.util.Set<Integer> blanks) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (!blanks.contains(at) && Terms.wholeWords(text, at, at + word.length())) {
                return true;
            }
        }
        return false;
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block) {
        String text = ctx.firstSentence(block);
        if (text.length() > 240) {
            return List.of();
        }
        boolean zh = Text.isChinese(text);
        String whole = text;
        if (zh) {
            // "镜像是静态的模板，容器是运行的实例；数据要放在数据卷里…": the pair ends at the semicolon, the rest is another thought.
            int semicolon = Text.indexOfAny(text, "；;");
            if (semicolon > 0 && Text.indexOfAny(text.substring(0, semicolon), "，,") > 0) {
                text = text.substring(0, semicolon) + "。";
            }
        }
        // Both forms need two clauses: a comma or semicolon (or while/whereas/but) between them; English starts in capitals.
        boolean mayPair = zh ? CLAUSE_MARK.matcher(text).find() && twoZhVerbs(text) : !text.isEmpty() && text.charAt(0) >= 'A' && text.charAt(0) <= 'Z'
                && twoEnVerbs(text);
        Matcher m = (zh ? ZH : EN).matcher(text);
        if (!mayPair || !m.matches()) {
            return zh ? parallel(ctx, block, whole) : List.of();
        }
        String a = m.group(1).strip();
        String b = m.group(4).strip();
        if (!Terms.isTerm(a) || !Terms.isTerm(b) || Text.normalise(a).equals(Text.normalise(b)) || a.contains(b) || b.contains(a)) {
            return List.of();
        }
        int aAt = m.start(1);
        int bAt = m.start(4);
        String clozed = text.substring(0, aAt) + "[...]" + text.substring(m.end(1), bAt) + "[...]" + text.substring(m.end(4));
        if (Text.normalise(clozed).contains(Text.normalise(a)) || Text.normalise(clozed).contains(Text.normalise(b))) {
            return List.of(); // a subject named again elsewhere would give the answer away
        }
        if (zh && (!Terms.wholeWords(text, 0, a.length()) || !Terms.wholeWords(text, m.start(4), m.end(4)))) {
            return List.of(); // the segmenter last: it is the dearest test
        }
        return List.of(ctx.item("pair", ItemType.CLOZE, a + "|" + b).prompt(clozed).answers(List.of(a, b)).explanation(text).lines(block)
                .difficulty(Difficulty.MEDIUM).build());
    }
}
