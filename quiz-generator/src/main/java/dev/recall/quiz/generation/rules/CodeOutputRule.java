package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "What does this code print?" only when the paragraph right after the code states it ("输出：…", "Output: …"). */
public final class CodeOutputRule {

    private static final Pattern OUTPUT = Pattern.compile("^(?:输出|打印|结果|Output|Prints?|It prints|This prints)\\s*[:：]?\\s*(.+)$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BACKTICKS = Pattern.compile("^`+|`+$");

    private CodeOutputRule() {
    }

    /** {@code next} is the block after the code, or null. */
    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block, NoteDocument.Block next) {
        String code = block.code() == null ? "" : block.code().stripTrailing();
        if (code.isEmpty() || code.length() > CodeNameRule.MAX_CODE || next == null || next.kind() != NoteDocument.Kind.PARAGRAPH) {
            return List.of();
        }
        Matcher output = OUTPUT.matcher(ctx.document().unmask(next.raw()).strip());
        if (!output.matches()) {
            return List.of();
        }
        String printed = BACKTICKS.matcher(output.group(1).strip()).replaceAll("").strip();
        return List.of(ctx.item("code-output", ItemType.BASIC, printed).prompt(ctx.wording().output() + "\n" + CodeNameRule.fence(block, code))
                .answer(printed).lines(block.startLine(), next.endLine()).difficulty(Difficulty.HARD).build());
    }
}
