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
 * Processes written in one line: "A → B → C", "A -> B -> C", "A - B - C - D", and "首先…然后…最后…" /
 * "first …, then …, finally …". Three or more steps become an ordering item (the steps shuffled, never in order).
 */
public final class ProcessRule {

    private static final Pattern THE = Pattern.compile("(?i)^the\\s+");
    private static final Pattern FULL_STOP = Pattern.compile("[。.]$");
    private static final Pattern STEP_EDGES = Pattern.compile("^[\\s,，]+|[\\s,，。.;；]+$");
    private static final Pattern AND_END = Pattern.compile("(?i)\\s*,?\\s*and$");
    private static final Pattern ARROW = Pattern.compile("\\s*(?:→|->|=>|⇒|⟶)\\s*");
    private static final Pattern SPACED_DASH = Pattern.compile("\\s+[-–]\\s+");
    private static final Pattern ZH_STEPS = Pattern.compile("(首先|先|第一步|其次|然后|接着|再|之后|随后|最后|最终)[，,]?");
    private static final Pattern EN_STEPS = Pattern.compile("(?i)\\b(first(?:ly)?|then|next(?!\\s*\\()|after that|afterwards|finally|lastly)\\b,?");
    private static final Pattern INTRO = Pattern.compile("^(.{2,40}?)\\s*(?:[:：]|\\b(?:is|goes|flows|travels|passes|runs)\\b|是|为|如下)[:：]?\\s*");
    private static final int MAX_STEPS = 8;
    private static final dev.recall.quiz.generation.language.Words EN_STEP_WORDS =
            dev.recall.quiz.generation.language.Words.of("first", "then", "next", "after", "finally", "lastly");

    private ProcessRule() {
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block) {
        String text = ctx.plain(block);
        if (text.length() > 400) {
            return List.of();
        }
        String topic = ctx.section().heading();
        List<String> steps = List.of();
        String chain = text;
        // A chain needs an arrow or a dash; markers need their words: the expressions run only then.
        boolean arrow = Text.hasArrow(text) || text.indexOf('⟶') >= 0;
        boolean dash = text.indexOf('-') >= 0 || text.indexOf('–') >= 0;
        Matcher intro = INTRO.matcher(text);
        if ((arrow || dash) && intro.find() && (ARROW.matcher(text.substring(intro.end())).find() || SPACED_DASH.matcher(text.substring(intro.end())).find())) {
            String named = THE.matcher(intro.group(1)).replaceFirst("").strip();
            if (Terms.isTerm(named)) { // "简单说就是：A → B → C" names nothing: the heading is the topic
                topic = named;
            }
            chain = text.substring(intro.end());
        }
        chain = FULL_STOP.matcher(chain).replaceAll("");
        if (arrow && ARROW.matcher(chain).find()) {
            steps = split(ARROW, chain);
        } else if (dash && countMatches(SPACED_DASH, chain) >= 2) {
            steps = split(SPACED_DASH, chain);
        } else {
            steps = markedSteps(text);
        }
        if (steps.size() < 3 || steps.size() > MAX_STEPS || steps.stream().anyMatch(s -> s.isEmpty() || s.length() > 80)
                || new LinkedHashSet<>(steps).size() != steps.size()) {
            return List.of();
        }
        var builder = ctx.item("process", ItemType.ORDERING, topic + "|" + steps.size());
        return List.of(builder.prompt(ctx.wording().order(topic)).answers(steps).options(Shuffle.never(steps, builder.id()))
                .explanation(text).lines(block).difficulty(Difficulty.HARD).build());
    }

    /** "首先A，然后B，最后C" / "First A, then B, and finally C": the steps between the markers. */
    static List<String> markedSteps(String text) {
        Pattern markers = text.contains("最后") && ZH_STEPS.matcher(text).find() || text.contains("然后") && text.contains("首先") ? ZH_STEPS : EN_STEPS;
        if (markers == EN_STEPS && !EN_STEP_WORDS.in(text)) {
            return List.of(); // no marker word: fewer than three steps
        }
        Matcher m = markers.matcher(text);
        List<int[]> at = new ArrayList<>();
        while (m.find()) {
            at.add(new int[] {m.start(), m.end()});
        }
        if (at.size() < 3) {
            return List.of();
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            int end = i + 1 < at.size() ? at.get(i + 1)[0] : text.length();
            String step = AND_END.matcher(STEP_EDGES.matcher(text.substring(at.get(i)[1], end)).replaceAll("")).replaceAll("").strip();
            steps.add(step);
        }
        return steps;
    }

    private static List<String> split(Pattern separator, String chain) {
        List<String> steps = new ArrayList<>();
        for (String part : separator.split(chain)) {
            steps.add(part.strip());
        }
        return steps;
    }

    private static int countMatches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
