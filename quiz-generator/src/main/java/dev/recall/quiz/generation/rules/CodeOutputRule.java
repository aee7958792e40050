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

    /** "This prints `[0, 1, 2]` after about one second": the output is what the backticks hold. */
    private static final Pattern BACKTICKED = Pattern.compile("^`([^`]+)`");
    private static final Pattern OUTPUT = Pattern.compile("^(?:输出|打印|结果|Output|Prints?|It prints|This prints)\\s*[:：]?\\s*(.+)$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BACKTICKS = Pattern.compile("^`+|`+$");

    private CodeOutputRule() {
    }

    /** "输出：" alone on its line: what the code prints is on the lines below it. */
    private static final Pattern LABEL_ALONE = Pattern.compile("^(?:输出|打印|结果|输出结果|运行结果|Output|Prints?|It prints|This prints)\\s*[:：]$",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_OUTPUT_LINES = 6;

    /** {@code after} are the blocks after the code (the first few). */
    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block, List<NoteDocument.Block> after) {
        String code = block.code() == null ? "" : block.code().stripTrailing();
        NoteDocument.Block next = after.isEmpty() ? null : after.get(0);
        if (code.isEmpty() || code.length() > CodeNameRule.MAX_CODE || next == null || next.kind() != NoteDocument.Kind.PARAGRAPH) {
            return List.of();
        }
        String label = ctx.document().unmask(next.raw()).strip();
        String printed;
        int endLine = next.endLine();
        if (LABEL_ALONE.matcher(label).matches()) {
            // The printed lines: the short paragraphs right below the label, one after another.
            List<String> lines = new java.util.ArrayList<>();
            for (NoteDocument.Block line : after.subList(1, after.size())) {
                String text = ctx.document().unmask(line.raw()).strip();
                if (line.kind() != NoteDocument.Kind.PARAGRAPH || line.startLine() != endLine + 1 || text.length() > 80
                        || lines.size() == MAX_OUTPUT_LINES) {
                    break;
                }
                lines.add(text);
                endLine = line.endLine();
            }
            printed = String.join("\n", lines);
        } else {
            Matcher output = OUTPUT.matcher(label);
            if (!output.matches()) {
                return List.of();
            }
            Matcher quoted = BACKTICKED.matcher(output.group(1).strip());
            printed = quoted.lookingAt() ? quoted.group(1).strip() : BACKTICKS.matcher(output.group(1).strip()).replaceAll("").strip();
        }
        if (printed.isEmpty()) {
            return List.of();
        }
        return List.of(ctx.item("code-output", ItemType.BASIC, printed).prompt(ctx.wording().output() + "\n" + CodeNameRule.fence(block, code))
                .answer(printed).lines(block.startLine(), endLine).difficulty(Difficulty.HARD).build());
    }
}
