package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A code block with a blank where an identifier stands that the prose around it names as inline code (this section,
 * then its subsections), e.g. {@code functools.wraps}: at most two per block. Never a bracket or operator: only
 * identifiers are named.
 */
public final class CodeNameRule {

    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*(\\(\\))?$");
    static final int MAX_CODE = 1500;
    private static final int MAX_NAMES = 40;

    private CodeNameRule() {
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block, List<String> names) {
        String code = block.code() == null ? "" : block.code().stripTrailing();
        if (code.isEmpty() || code.length() > MAX_CODE) {
            return List.of();
        }
        Set<String> used = new LinkedHashSet<>();
        for (String name : names) {
            if (WholeWord.find(code, name, 0, "") >= 0) {
                used.add(name);
            }
        }
        List<QuizItem> items = new ArrayList<>();
        for (String name : used.stream().limit(2).toList()) {
            String blanked = WholeWord.replaceAll(code, name, "", "____");
            items.add(ctx.item("code-cloze", ItemType.CLOZE, name).prompt(ctx.wording().codeBlank(fence(block, blanked))).answer(name)
                    .lines(block).difficulty(Difficulty.MEDIUM).build());
        }
        return items;
    }

    static String fence(NoteDocument.Block block, String code) {
        return "```" + block.language() + "\n" + code + "\n```";
    }

    /** Identifiers the prose of these blocks writes as inline code (at most 40), without "@" and "()". */
    public static List<String> mentionedIdentifiers(NoteDocument doc, List<NoteDocument.Block> blocks) {
        Set<String> names = new LinkedHashSet<>();
        for (NoteDocument.Block other : blocks) {
            if (other.kind() == NoteDocument.Kind.CODE || other.kind() == NoteDocument.Kind.TABLE) {
                continue;
            }
            for (String identifier : doc.inlineCode(other.raw())) {
                String name = identifier.replace("@", "").replace("()", "");
                if (IDENTIFIER.matcher(name).matches() && name.length() >= 3 && names.size() < MAX_NAMES) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }
}
