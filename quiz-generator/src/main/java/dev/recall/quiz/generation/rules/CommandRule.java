package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;

import java.util.List;
import java.util.Set;

/**
 * A section that holds nothing but shell commands under a heading naming the task ("查看证书" over two openssl
 * lines, "Undo the last commit" over a git line): the heading asks for the commands. Only for sections no other
 * rule found anything in, so notes that explain their commands keep the items of that prose.
 */
public final class CommandRule {

    private static final Set<String> SHELLS = Set.of("shell", "bash", "sh", "zsh", "console", "shell-session");
    /** More lines than a learner recalls as one answer. */
    static final int MAX_LINES = 6;
    static final int MAX_CHARS = 400;

    private CommandRule() {
    }

    public static List<QuizItem> items(SectionContext ctx, List<NoteDocument.Block> blocks) {
        String heading = ctx.section().heading();
        if (heading == null || heading.isBlank() || blocks.isEmpty()) {
            return List.of();
        }
        StringBuilder commands = new StringBuilder();
        for (NoteDocument.Block block : blocks) {
            if (block.kind() != NoteDocument.Kind.CODE || block.code() == null || !SHELLS.contains(block.language())) {
                return List.of();
            }
            commands.append(commands.isEmpty() ? "" : "\n").append(block.code().strip());
        }
        String answer = commands.toString();
        if (answer.isEmpty() || answer.length() > MAX_CHARS || answer.lines().count() > MAX_LINES) {
            return List.of();
        }
        NoteDocument.Block first = blocks.get(0);
        NoteDocument.Block last = blocks.get(blocks.size() - 1);
        return List.of(ctx.item("command", ItemType.BASIC, heading).prompt(ctx.wording().command(heading)).answer(answer)
                .lines(first.startLine(), last.endLine()).difficulty(Difficulty.MEDIUM).build());
    }
}
