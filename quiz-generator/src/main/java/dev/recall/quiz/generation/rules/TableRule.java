package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Tables. A reference table (first column names things) gives a question per row for its first value column, a
 * choice the other way round (distractors from the same column) and a matching. A comparison table (first column
 * names aspects, the others are the things compared, e.g. "| 对比项 | DP | DDP |" or under an "X vs Y" heading) gives
 * a question per cell, a true/false per row by swapping sides, and a matching per side.
 */
public final class TableRule {

    private static final Set<String> GENERIC_HEADERS = Set.of("对比项", "对比", "比较", "项目", "特性", "方面", "区别", "维度", "",
            "aspect", "feature", "property", "comparison", "criterion", "criteria", "item");
    private static final int MAX_ROWS = 12;

    private TableRule() {
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block) {
        List<List<String>> rows = block.table();
        if (rows == null || rows.size() < 3 || rows.get(0).size() < 2 || rows.get(0).size() > 6) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<List<String>> body = rows.subList(1, Math.min(rows.size(), MAX_ROWS + 1)).stream()
                .filter(r -> r.size() == header.size() && !r.get(0).isBlank()).toList();
        if (body.size() < 2) {
            return List.of();
        }
        String heading = ctx.section().heading();
        boolean comparison = header.size() >= 3 && (GENERIC_HEADERS.contains(header.get(0).toLowerCase(Locale.ROOT).strip())
                || ListFacts.COMPARE.matcher(heading).find() && header.subList(1, header.size()).stream().anyMatch(h -> !h.isBlank() && heading.contains(h)));
        return comparison ? comparison(ctx, block, header, body) : reference(ctx, block, header, body);
    }

    private static List<QuizItem> reference(SectionContext ctx, NoteDocument.Block block, List<String> header, List<List<String>> body) {
        Wording wording = ctx.wording();
        List<QuizItem> items = new ArrayList<>();
        String keyName = header.get(0).strip();
        String valueName = header.get(1).strip();
        List<String> keys = body.stream().map(r -> r.get(0)).toList();
        boolean distinctKeys = keys.stream().map(Text::normalise).distinct().count() == keys.size();
        List<String> values = body.stream().map(r -> Text.normalise(r.get(1))).toList(); // normalised once, compared row by row
        for (int r = 0; r < body.size(); r++) {
            List<String> row = body.get(r);
            String key = row.get(0);
            String answer = row.get(1);
            if (answer.isBlank()) {
                continue;
            }
            String explanation = rowExplanation(header, row);
            items.add(ctx.item("table-cell", ItemType.BASIC, key + "|" + valueName).prompt(wording.tableCell(keyName, key, valueName)).answer(answer)
                    .explanation(explanation).lines(block).build());
            String value = values.get(r);
            if (distinctKeys && keys.size() >= 3 && values.stream().filter(value::equals).count() == 1) {
                var choice = ctx.item("table-choice", ItemType.MULTIPLE_CHOICE, valueName + "|" + answer);
                List<String> others = new ArrayList<>(keys);
                others.remove(key);
                List<String> options = Shuffle.pick(others, 3, new SplittableRandom(Text.seed(choice.id())));
                options.add(key);
                items.add(choice.prompt(wording.tableChoice(keyName, valueName, answer)).answer(key).options(Shuffle.never(options, choice.id()))
                        .explanation(explanation).lines(block).difficulty(Difficulty.EASY).build());
            }
        }
        if (body.size() >= 3) {
            List<String> pairs = new ArrayList<>();
            Set<String> rights = new LinkedHashSet<>(values);
            for (List<String> row : body) {
                pairs.add(row.get(0) + " → " + row.get(1));
            }
            if (rights.size() == body.size() && distinctKeys) {
                var matching = ctx.item("table-matching", ItemType.MATCHING, keyName + valueName);
                items.add(matching.prompt(wording.tableMatching(keyName, valueName)).answers(pairs)
                        .options(Shuffle.never(body.stream().map(r -> r.get(1)).toList(), matching.id())).lines(block).build());
            }
        }
        return items;
    }

    private static List<QuizItem> comparison(SectionContext ctx, NoteDocument.Block block, List<String> header, List<List<String>> body) {
        Wording wording = ctx.wording();
        List<QuizItem> items = new ArrayList<>();
        for (List<String> row : body) {
            String aspect = row.get(0);
            String explanation = rowExplanation(header, row);
            for (int c = 1; c < header.size(); c++) {
                String subject = header.get(c);
                String answer = row.get(c);
                if (subject.isBlank() || answer.isBlank()) {
                    continue;
                }
                items.add(ctx.item("table-cell", ItemType.BASIC, subject + "|" + aspect).prompt(wording.tableCompare(subject, aspect)).answer(answer)
                        .explanation(explanation).lines(block).build());
            }
            // True/false: one side of the row, claimed with its own value or (for half the rows) another side's.
            var claim = ctx.item("table-sides", ItemType.TRUE_FALSE, aspect);
            SplittableRandom random = new SplittableRandom(Text.seed(claim.id()));
            int c = 1 + random.nextInt(header.size() - 1);
            List<Integer> others = new ArrayList<>();
            for (int o = 1; o < header.size(); o++) {
                if (o != c && !Text.normalise(row.get(o)).equals(Text.normalise(row.get(c))) && !row.get(o).isBlank()) {
                    others.add(o);
                }
            }
            if (others.isEmpty() || row.get(c).isBlank() || header.get(c).isBlank()) {
                continue;
            }
            boolean swap = random.nextBoolean();
            String claimed = swap ? row.get(others.get(random.nextInt(others.size()))) : row.get(c);
            items.add(claim.prompt(wording.trueFalse(wording.tableClaim(aspect, header.get(c), claimed))).answer(swap ? "false" : "true")
                    .options(List.of("true", "false")).explanation(explanation).lines(block).difficulty(Difficulty.EASY).build());
        }
        if (body.size() >= 3) {
            for (int c = 1; c < header.size(); c++) {
                int column = c;
                Set<String> values = new LinkedHashSet<>();
                body.forEach(r -> values.add(Text.normalise(r.get(column))));
                if (values.size() != body.size() || values.contains("") || header.get(c).isBlank()) {
                    continue;
                }
                List<String> pairs = body.stream().map(r -> r.get(0) + " → " + r.get(column)).toList();
                var matching = ctx.item("table-matching", ItemType.MATCHING, header.get(c));
                items.add(matching.prompt(wording.sideMatching(header.get(0), header.get(c))).answers(pairs)
                        .options(Shuffle.never(body.stream().map(r -> r.get(column)).toList(), matching.id())).lines(block)
                        .difficulty(Difficulty.HARD).build());
            }
        }
        return items;
    }

    private static String rowExplanation(List<String> header, List<String> row) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            parts.add(header.get(c) + ": " + row.get(c));
        }
        return String.join("; ", parts);
    }
}
