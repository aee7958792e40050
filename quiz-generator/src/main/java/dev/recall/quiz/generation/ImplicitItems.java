package dev.recall.quiz.generation;

import dev.recall.quiz.generation.rules.CauseRule;
import dev.recall.quiz.generation.rules.CodeKeywordRule;
import dev.recall.quiz.generation.rules.ComparisonRule;
import dev.recall.quiz.generation.rules.DefinitionRule;
import dev.recall.quiz.generation.rules.EnumerationRule;
import dev.recall.quiz.generation.rules.PairRule;
import dev.recall.quiz.generation.rules.ProcessRule;
import dev.recall.quiz.generation.rules.SectionContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Items found in ordinary notes, in Chinese and English: definitions, question headings, lists (recall,
 * membership choice, ordering for steps), pros and cons (true/false), tables (cell questions, matching) and
 * code (cloze of an identifier the prose mentions; the output when the note states it).
 */
final class ImplicitItems {

    private static final Pattern STRONG_DEFINITION = Pattern.compile("^\\*\\*((?:\\\\\\*|[^*\\n]){1,40}?)\\*\\*\\s*[:：]\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern LIST_DEFINITION = Pattern.compile("^([^:：\\n]{1,30}?)\\s*[:：]\\s+(.{2,})$", Pattern.DOTALL);
    private static final Pattern ZH_DEFINITION = Pattern.compile(
            "^([^，,。；;：:！？!?（(]{1,20}?)\\s*(?:只|就|正|即)?(?<![都也还便总不可而于但像才又却并])(指的是|是|指)(?!否|不)(.{4,})$", Pattern.DOTALL);
    private static final Pattern ZH_GENERIC_TERM = Pattern.compile(
            ".*(办法|方法|做法|写法|原因|结果|目的|作用|问题|答案|区别|关键|重点|核心|原理|思路|方式|缺点|优点|好处|坏处|特点|原则|情况|时候|地方)$");
    private static final Set<String> NOT_TERMS_BEFORE_COLON = Set.of("note", "tip", "warning", "example", "see", "注意", "提示", "例如",
            "比如", "警告", "示例", "输出", "output");
    private static final Pattern WHY_OR_ROLE_HEADING = Pattern.compile("^(为什么|为何|why\\b|how\\b).*|.*(的作用|的用途|的目的|的原因|的意义)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_DEFINITION = Pattern.compile(
            "^(?:(?:An?|The)\\s+)?([A-Za-z][\\w\\-+#/.()]*(?:\\s+[\\w\\-+#/.()]+){0,4}?)\\s+(is|are|means|refers to)\\s+(.{8,})$",
            Pattern.DOTALL);
    private static final Set<String> EN_NOT_TERMS = Set.of("it", "this", "that", "these", "those", "there", "he", "she", "they",
            "which", "what", "who", "here", "each", "every", "one", "all", "some", "nothing", "everything", "something");
    private static final Pattern ZH_NOT_TERMS = Pattern.compile("^(这|那|它|他|她|我|你|其|每|所以|因为|如果|但|而|在|当|对|把|被|就|也|还|只|都).*");
    private static final Pattern STEP_WORDS = Pattern.compile(
            "(?i)步骤|流程|顺序|过程|工作原理|steps?\\b|process|procedure|order\\b|workflow|how to|^how\\b.*\\bworks?\\b");
    private static final Pattern PROS = Pattern.compile("(?i)优点|优势|好处|\\badvantages?\\b|\\bpros\\b|\\bbenefits?\\b");
    private static final Pattern CONS = Pattern.compile("(?i)缺点|劣势|坏处|不足|\\bdisadvantages?\\b|\\bcons\\b|\\bdrawbacks?\\b");
    private static final Pattern WHY_HOW = Pattern.compile("(?i)^(why|how)\\b.*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_A_DEFINITION = Pattern.compile("(?s)^(\\w+ed|not|also|still|usually|often|only|then|now|very)\\b.*");
    private static final Pattern ARTICLE = Pattern.compile("^(The|A|An) (?=[a-z])");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[。.；;]+$");
    private static final Pattern BACKTICKS = Pattern.compile("^`+|`+$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]|\\.(\\s|$)");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(A|An|The)\\s");
    private static final Pattern COMPARE = Pattern.compile(
            "(?i)\\bvs\\.?(?=\\s|$)|\\bversus\\b|区别|对比|比较|异同|差异|\\bdifferences?\\b|\\bcompar(?:ed|ison|ing)\\b");
    private static final Pattern BARE_TOPIC = Pattern.compile(
            "(?i)优点|缺点|优势|劣势|好处|坏处|不足|advantages|disadvantages|pros|cons|benefits|drawbacks|steps|步骤|流程|特点|用途|features|uses");
    private static final Pattern OUTPUT = Pattern.compile("^(?:输出|打印|结果|Output|Prints?|It prints|This prints)\\s*[:：]?\\s*(.+)$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*(\\(\\))?$");
    private static final Set<String> GENERIC_HEADERS = Set.of("对比项", "对比", "比较", "项目", "特性", "方面", "区别", "维度", "",
            "aspect", "feature", "property", "comparison", "criterion", "criteria", "item");

    private ImplicitItems() {
    }

    static List<QuizItem> from(NoteDocument doc, NoteDocument.Section section, List<NoteDocument.Block> blocks, ItemFactory factory,
                               List<ListFacts> lists, java.util.function.Supplier<List<String>> subsectionNames) {
        List<QuizItem> items = new ArrayList<>();
        boolean zh = Text.isChinese(String.join(" ", section.headingPath())) || blocks.stream().anyMatch(b -> Text.isChinese(b.raw()));
        String heading = section.heading();
        boolean questionHeading = heading.endsWith("?") || heading.endsWith("？") || WHY_OR_ROLE_HEADING.matcher(heading).matches();
        String headingPrompt = heading.endsWith("?") || heading.endsWith("？") ? heading
                : WHY_HOW.matcher(heading).matches() ? heading + "?" : heading.startsWith("为") ? heading + "？" : heading + "是什么？";
        List<String> mentioned = null;
        SectionContext ctx = SectionContext.of(doc, section, blocks, factory);
        for (int i = 0; i < blocks.size(); i++) {
            NoteDocument.Block block = blocks.get(i);
            NoteDocument.Block previous = i > 0 ? blocks.get(i - 1) : null;
            switch (block.kind()) {
                case PARAGRAPH -> {
                    if (questionHeading && i == 0) {
                        String answer = withoutSubject(heading, Text.plain(doc.unmask(firstSentences(block.raw(), 240))));
                        items.add(factory.item("heading-question", heading, ItemType.BASIC, headingPrompt, List.of(answer), null,
                                Text.plain(doc.unmask(block.raw())), section, section.startLine(), block.endLine(), Difficulty.MEDIUM));
                    } else {
                        items.addAll(DefinitionRule.items(ctx, block, block.raw(), true));
                    }
                    items.addAll(sentenceRules(ctx, block, block.raw()));
                }
                case BULLET_LIST, ORDERED_LIST -> {
                    items.addAll(list(doc, section, block, previous, zh, factory, lists));
                }
                case TABLE -> items.addAll(table(section, block, zh, factory));
                case CODE -> {
                    if (mentioned == null) {
                        // Identifiers the prose around the code names: this section first, then its subsections.
                        Set<String> names = new LinkedHashSet<>(mentionedIdentifiers(doc, blocks));
                        names.addAll(subsectionNames.get());
                        mentioned = List.copyOf(names);
                    }
                    items.addAll(code(doc, section, block, blocks, i, zh, factory, mentioned));
                    items.addAll(CodeKeywordRule.items(ctx, block));
                }
                default -> {
                }
            }
        }
        return items;
    }

    /** The rules that read one sentence: pairs, comparisons, cause and effect, enumerations, processes. */
    private static List<QuizItem> sentenceRules(SectionContext ctx, NoteDocument.Block block, String raw) {
        List<QuizItem> items = new ArrayList<>();
        items.addAll(PairRule.items(ctx, block));
        items.addAll(ComparisonRule.items(ctx, block, raw));
        items.addAll(CauseRule.items(ctx, block));
        items.addAll(EnumerationRule.items(ctx, block));
        items.addAll(ProcessRule.items(ctx, block));
        return items;
    }

    private static List<QuizItem> list(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block,
                                       NoteDocument.Block previous, boolean zh, ItemFactory factory, List<ListFacts> lists) {
        List<QuizItem> items = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        int definitions = 0;
        for (String raw : block.items()) {
            SectionContext ctx = SectionContext.of(doc, section, List.of(block), factory);
            // A contrast under an aspect label ("开销：进程…，线程…") is a comparison, not the definition of "开销".
            List<QuizItem> contrast = ComparisonRule.items(ctx, block, raw);
            boolean comparing = !contrast.isEmpty() || ComparisonRule.contrasts(section.heading(), raw);
            List<QuizItem> found = comparing ? contrast : DefinitionRule.items(ctx, block, raw, false);
            definitions += comparing && contrast.isEmpty() ? 1 : 0;
            if (!found.isEmpty()) {
                // In a numbered list, "step: detail" entries are still steps: they keep the list's own items.
                definitions += block.kind() == NoteDocument.Kind.ORDERED_LIST ? 0 : 1;
                items.addAll(found);
            }
            entries.add(Text.plain(doc.unmask(raw.replace('\n', ' '))));
        }
        String topic = listTopic(doc, section, previous);
        if (topic.isEmpty() || entries.size() < 2 || definitions * 2 > entries.size()
                || entries.stream().anyMatch(e -> e.length() > 120 || e.isEmpty())) {
            return items;
        }
        String intro = previous != null && previous.kind() == NoteDocument.Kind.PARAGRAPH ? previous.raw() : "";
        boolean steps = STEP_WORDS.matcher(topic + " " + intro).find();
        if (steps && entries.size() >= 3) {
            String prompt = zh ? "按正确顺序排列：" + topic : "Put in the right order: " + topic;
            String id = factory.id("ordering", ItemType.ORDERING, section, topic);
            items.add(factory.item("ordering", topic, ItemType.ORDERING, prompt, entries, shuffled(entries, id), null, section,
                    block.startLine(), block.endLine(), Difficulty.HARD));
        }
        boolean enumerable = entries.size() <= 8 && entries.stream().mapToInt(String::length).sum() <= entries.size() * (zh ? 30 : 60);
        if (!enumerable && !steps) {
            lists.add(new ListFacts(section, block, topic, entries, zh, lists.size(), false));
            return items;
        }
        ListFacts facts = new ListFacts(section, block, topic, entries, zh, lists.size(), steps && entries.size() >= 3);
        String prompt = zh ? "列出「" + label(facts) + "」（共 " + entries.size() + " 项）"
                : "List the " + entries.size() + " items of \u201C" + label(facts) + "\u201D";
        items.add(factory.item("list-recall", topic, ItemType.BASIC, prompt, List.of(String.join("\n", entries)), null, null,
                section, block.startLine(), block.endLine(), Difficulty.HARD));
        lists.add(facts);
        return items;
    }

    /** What a list is about: the paragraph that introduces it ("...：" / "...:") or else the heading. */
    private static String listTopic(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block previous) {
        if (previous != null && previous.kind() == NoteDocument.Kind.PARAGRAPH) {
            String intro = Text.plain(doc.unmask(previous.raw())).strip();
            if ((intro.endsWith("：") || intro.endsWith(":")) && intro.length() <= 60) {
                return intro.substring(0, intro.length() - 1).strip();
            }
        }
        return section.heading();
    }

    /** A list of the note, for items that need other lists (distractors, the other side of a comparison). */
    record ListFacts(NoteDocument.Section section, NoteDocument.Block block, String topic, List<String> entries, boolean zh, int index,
                     boolean steps) {
    }

    /** Distractors come from lists at most this many lists away (nearest, same parent heading first): linear time. */
    private static final int NEIGHBOURS = 8;

    /** Items that need other lists: membership choices (distractors from nearby lists) and sides of comparisons. */
    static List<QuizItem> acrossSections(List<ListFacts> lists, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        for (ListFacts list : lists) {
            Set<String> seen = new LinkedHashSet<>();
            list.entries().forEach(e -> seen.add(Text.normalise(e)));
            List<ListFacts> near = new ArrayList<>();
            for (int j = Math.max(0, list.index() - NEIGHBOURS); j < Math.min(lists.size(), list.index() + NEIGHBOURS + 1); j++) {
                if (j != list.index()) {
                    near.add(lists.get(j));
                }
            }
            // Only siblings (same parent heading) and lists of the same section; nearest first: for "advantages",
            // the disadvantages next to them.
            near.removeIf(other -> commonPrefix(list, other) < parent(list).size());
            near.sort(java.util.Comparator.comparingInt((ListFacts other) -> -commonPrefix(list, other))
                    .thenComparingInt(other -> Math.abs(other.index() - list.index())));
            // Distractors teach only when they are siblings of the same kind and cannot be told apart by their form.
            near.removeIf(other -> other.steps() != list.steps() || other.zh() != list.zh() || !parallel(list, other));
            List<String> pool = new ArrayList<>();
            for (ListFacts other : near) {
                for (String entry : other.entries()) {
                    if (seen.add(Text.normalise(entry))) {
                        pool.add(entry);
                    }
                }
            }
            if (list.entries().size() >= 2 && !list.steps()) { // steps: the ordering item asks more
                String key = list.topic();
                String id = factory.id("list-choice", ItemType.MULTIPLE_CHOICE, list.section(), key);
                SplittableRandom random = new SplittableRandom(Text.seed(id));
                String answer = list.entries().get(random.nextInt(list.entries().size()));
                List<String> distractors = pool.stream().filter(p -> sameForm(p, answer)).limit(3).toList();
                if (distractors.size() < 3) {
                    continue; // fewer than three good distractors: the list keeps its recall and true/false items
                }
                List<String> options = new ArrayList<>(distractors);
                options.add(answer);
                String prompt = list.zh() ? "以下哪一项属于「" + label(list) + "」？" : "Which of these belongs to \u201C" + label(list) + "\u201D?";
                items.add(factory.item("list-choice", key, ItemType.MULTIPLE_CHOICE, prompt, List.of(answer), shuffled(options, id), null,
                        list.section(), list.block().startLine(), list.block().endLine(), Difficulty.EASY));
            }
        }
        items.addAll(sides(lists, factory));
        return items;
    }

    /**
     * Two lists that are the sides of something: advantages and disadvantages under one heading, or the sections
     * of an "X vs Y" / "X与Y的区别" heading. Each entry becomes a true/false claim, put on the wrong side for half
     * of them (seeded by the item id).
     */
    private static List<QuizItem> sides(List<ListFacts> lists, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        for (ListFacts a : lists) {
            for (int j = a.index() + 1; j < Math.min(lists.size(), a.index() + 5); j++) {
                ListFacts b = lists.get(j);
                if (!parent(a).equals(parent(b)) || Text.normalise(a.topic()).equals(Text.normalise(b.topic()))) {
                    continue;
                }
                boolean prosCons = PROS.matcher(a.topic()).find() && CONS.matcher(b.topic()).find()
                        || CONS.matcher(a.topic()).find() && PROS.matcher(b.topic()).find();
                boolean versus = !a.section().headingPath().equals(b.section().headingPath()) && !parent(a).isEmpty()
                        && COMPARE.matcher(parent(a).get(parent(a).size() - 1)).find();
                if (!prosCons && !versus) {
                    continue;
                }
                for (ListFacts side : List.of(a, b)) {
                    ListFacts other = side == a ? b : a;
                    for (String entry : side.entries()) {
                        String id = factory.id("sides", ItemType.TRUE_FALSE, side.section(), entry);
                        boolean swap = (Text.seed(id) & 1) == 1;
                        String claimed = label(swap ? other : side);
                        String prompt = side.zh() ? "判断：「" + entry + "」属于「" + claimed + "」。"
                                : "True or false: \u201C" + entry + "\u201D belongs to \u201C" + claimed + "\u201D.";
                        String explanation = side.zh() ? "「" + entry + "」属于「" + label(side) + "」"
                                : "\u201C" + entry + "\u201D belongs to \u201C" + label(side) + "\u201D";
                        items.add(factory.item("sides", entry, ItemType.TRUE_FALSE, prompt, List.of(swap ? "false" : "true"),
                                List.of("true", "false"), explanation, side.section(), side.block().startLine(),
                                side.block().endLine(), Difficulty.EASY));
                    }
                }
            }
        }
        return items;
    }

    /**
     * Lists whose entries are of one kind: in the same section, or aspects of one parent (its advantages and its
     * disadvantages, its features and its uses). Lists of unrelated sections never lend each other distractors.
     */
    private static boolean parallel(ListFacts a, ListFacts b) {
        if (a.section().headingPath().equals(b.section().headingPath())) {
            return true;
        }
        if (!parent(a).equals(parent(b))) {
            return false;
        }
        boolean comparedUnderParent = !parent(a).isEmpty() && COMPARE.matcher(parent(a).get(parent(a).size() - 1)).find();
        return comparedUnderParent || BARE_TOPIC.matcher(a.topic().strip()).find() && BARE_TOPIC.matcher(b.topic().strip()).find();
    }

    /** Two options look alike: similar length, the same script, both or neither "term: text" nor a full sentence. */
    static boolean sameForm(String a, String b) {
        int x = a.codePointCount(0, a.length());
        int y = b.codePointCount(0, b.length());
        boolean colonA = a.matches("^[^:：]{1,30}[:：].+");
        boolean colonB = b.matches("^[^:：]{1,30}[:：].+");
        boolean endA = a.matches(".*[。.!！?？]$");
        boolean endB = b.matches(".*[。.!！?？]$");
        return x * 5 >= y * 2 && y * 5 >= x * 2 && Text.isChinese(a) == Text.isChinese(b) && colonA == colonB && endA == endB;
    }

    private static final Pattern WHAT_IS = Pattern.compile("(?i)^(?:什么是|何为|what\\s+(?:is|are)\\s+(?:an?\\s+|the\\s+)?)(.{1,40}?)[?？]?$");

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

    /** A list's topic with its context when the topic alone says little: "优点" under "引用计数" → "引用计数的优点". */
    private static String label(ListFacts list) {
        String topic = list.topic();
        if (!BARE_TOPIC.matcher(topic.strip()).matches()) {
            return topic;
        }
        List<String> path = list.section().headingPath();
        String context = topic.equals(list.section().heading()) ? (path.size() >= 2 ? path.get(path.size() - 2) : "")
                : list.section().heading();
        context = context.replaceFirst("(?:的)?(?:利弊|优缺点|优劣|好坏)$", "")
                .replaceFirst("(?i)^(?:pros and cons|advantages and disadvantages|trade-?offs)\\s+of\\s+", "")
                .replaceFirst("(?i):?\\s+(?:pros and cons|trade-?offs)$", "").strip();
        if (context.isBlank()) {
            return topic;
        }
        return list.zh() ? context + "的" + topic : topic + " of " + context;
    }

    private static int commonPrefix(ListFacts a, ListFacts b) {
        List<String> x = a.section().headingPath();
        List<String> y = b.section().headingPath();
        int n = 0;
        while (n < x.size() && n < y.size() && x.get(n).equals(y.get(n))) {
            n++;
        }
        return n;
    }

    private static List<String> parent(ListFacts list) {
        List<String> path = list.section().headingPath();
        return path.isEmpty() ? path : path.subList(0, path.size() - 1);
    }

    /**
     * A reference table (first column names things) gives a question per row for its first value column, a
     * choice the other way round (distractors from the same column) and a matching. A comparison table (first
     * column names aspects, the others are the things compared, e.g. "| 对比项 | DP | DDP |" or under an
     * "X vs Y" heading) gives a question per cell, a true/false per row by swapping sides, and a matching per side.
     */
    private static List<QuizItem> table(NoteDocument.Section section, NoteDocument.Block block, boolean zh, ItemFactory factory) {
        List<List<String>> rows = block.table();
        if (rows == null || rows.size() < 3 || rows.get(0).size() < 2 || rows.get(0).size() > 6) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<List<String>> body = rows.subList(1, Math.min(rows.size(), 13)).stream()
                .filter(r -> r.size() == header.size() && !r.get(0).isBlank()).toList();
        if (body.size() < 2) {
            return List.of();
        }
        boolean comparison = header.size() >= 3 && (GENERIC_HEADERS.contains(header.get(0).toLowerCase(Locale.ROOT).strip())
                || COMPARE.matcher(section.heading()).find()
                && header.subList(1, header.size()).stream().anyMatch(h -> !h.isBlank() && section.heading().contains(h)));
        return comparison ? comparisonTable(section, block, header, body, zh, factory) : referenceTable(section, block, header, body, zh, factory);
    }

    private static List<QuizItem> referenceTable(NoteDocument.Section section, NoteDocument.Block block, List<String> header,
                                                 List<List<String>> body, boolean zh, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        String keyName = header.get(0).strip();
        String valueName = header.get(1).strip();
        List<String> keys = body.stream().map(r -> r.get(0)).toList();
        boolean distinctKeys = keys.stream().map(Text::normalise).distinct().count() == keys.size();
        for (List<String> row : body) {
            String key = row.get(0);
            String answer = row.get(1);
            if (answer.isBlank()) {
                continue;
            }
            String explanation = zh ? rowExplanation(header, row) : rowExplanation(header, row);
            String prompt = zh ? spaced(key) + "的" + valueName + "是什么？"
                    : keyName + " \u201C" + key + "\u201D \u2014 " + valueName.toLowerCase(Locale.ROOT) + "?";
            items.add(factory.item("table-cell", key + "|" + valueName, ItemType.BASIC, prompt, List.of(answer), null,
                    explanation, section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
            if (distinctKeys && keys.size() >= 3 && body.stream().filter(r -> Text.normalise(r.get(1)).equals(Text.normalise(answer))).count() == 1) {
                String choiceKey = valueName + "|" + answer;
                String id = factory.id("table-choice", ItemType.MULTIPLE_CHOICE, section, choiceKey);
                List<String> others = new ArrayList<>(keys);
                others.remove(key);
                List<String> options = pick(others, 3, new SplittableRandom(Text.seed(id)));
                options.add(key);
                String choicePrompt = zh ? "哪个" + keyName + "的" + valueName + "是「" + answer + "」？"
                        : "Which " + keyName.toLowerCase(Locale.ROOT) + "? (" + valueName + ": \u201C" + answer + "\u201D)";
                items.add(factory.item("table-choice", choiceKey, ItemType.MULTIPLE_CHOICE, choicePrompt, List.of(key),
                        shuffled(options, id), explanation, section, block.startLine(), block.endLine(), Difficulty.EASY));
            }
        }
        if (body.size() >= 3) {
            List<String> pairs = new ArrayList<>();
            Set<String> rights = new LinkedHashSet<>();
            for (List<String> row : body) {
                pairs.add(row.get(0) + " → " + row.get(1));
                rights.add(Text.normalise(row.get(1)));
            }
            if (rights.size() == body.size() && distinctKeys) {
                String id = factory.id("table-matching", ItemType.MATCHING, section, keyName + valueName);
                List<String> options = shuffled(body.stream().map(r -> r.get(1)).toList(), id);
                String prompt = zh ? "把每个「" + keyName + "」与它的「" + valueName + "」配对"
                        : "Match each " + keyName.toLowerCase(Locale.ROOT) + " to its \u201C" + valueName + "\u201D";
                items.add(factory.item("table-matching", keyName + valueName, ItemType.MATCHING, prompt, pairs, options, null,
                        section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
            }
        }
        return items;
    }

    private static List<QuizItem> comparisonTable(NoteDocument.Section section, NoteDocument.Block block, List<String> header,
                                                  List<List<String>> body, boolean zh, ItemFactory factory) {
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
                String prompt = zh ? spaced(subject) + "在「" + aspect + "」上是怎样的？"
                        : "How does " + subject + " compare on " + aspect.toLowerCase(Locale.ROOT) + "?";
                items.add(factory.item("table-cell", subject + "|" + aspect, ItemType.BASIC, prompt, List.of(answer), null,
                        explanation, section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
            }
            // True/false: one side of the row, claimed with its own value or (for half the rows) another side's.
            String id = factory.id("table-sides", ItemType.TRUE_FALSE, section, aspect);
            SplittableRandom random = new SplittableRandom(Text.seed(id));
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
            String prompt = zh ? "判断：在「" + aspect + "」上，" + spaced(header.get(c)) + "是「" + claimed + "」。"
                    : "True or false: on " + aspect.toLowerCase(Locale.ROOT) + ", " + header.get(c) + " is \u201C" + claimed + "\u201D.";
            items.add(factory.item("table-sides", aspect, ItemType.TRUE_FALSE, prompt, List.of(swap ? "false" : "true"),
                    List.of("true", "false"), explanation, section, block.startLine(), block.endLine(), Difficulty.EASY));
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
                String id = factory.id("table-matching", ItemType.MATCHING, section, header.get(c));
                String prompt = zh ? "把" + (header.get(c).charAt(0) < 0x2E80 ? " " : "") + spaced(header.get(c)) + "在各方面的特点配对"
                        : "Match each " + header.get(0).toLowerCase(Locale.ROOT) + " with how " + header.get(c) + " does it";
                items.add(factory.item("table-matching", header.get(c), ItemType.MATCHING, prompt, pairs,
                        shuffled(body.stream().map(r -> r.get(column)).toList(), id), null, section, block.startLine(), block.endLine(),
                        Difficulty.HARD));
            }
        }
        return items;
    }

    /** A term before Chinese text: a space after Latin letters, digits or code, none after Chinese. */
    private static String spaced(String term) {
        if (term.isEmpty()) {
            return term;
        }
        char last = term.charAt(term.length() - 1);
        return last < 0x2E80 ? term + " " : term;
    }

    private static String rowExplanation(List<String> header, List<String> row) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            parts.add(header.get(c) + ": " + row.get(c));
        }
        return String.join("; ", parts);
    }

    /** Identifiers the prose of a section writes as inline code (at most 40), e.g. {@code functools.wraps}. */
    static List<String> mentionedIdentifiers(NoteDocument doc, List<NoteDocument.Block> blocks) {
        Set<String> names = new LinkedHashSet<>();
        for (NoteDocument.Block other : blocks) {
            if (other.kind() == NoteDocument.Kind.CODE || other.kind() == NoteDocument.Kind.TABLE) {
                continue;
            }
            for (String identifier : doc.inlineCode(other.raw())) {
                String name = identifier.replace("@", "").replace("()", "");
                if (IDENTIFIER.matcher(name).matches() && name.length() >= 3 && names.size() < 40) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<QuizItem> code(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block,
                                       List<NoteDocument.Block> blocks, int index, boolean zh, ItemFactory factory,
                                       List<String> names) {
        String code = block.code() == null ? "" : block.code().stripTrailing();
        if (code.isEmpty() || code.length() > 1500) {
            return List.of();
        }
        List<QuizItem> items = new ArrayList<>();
        String fence = "```" + block.language() + "\n" + code + "\n```";
        // Identifiers the prose of this section names as inline code, and which the code uses.
        Set<String> mentioned = new LinkedHashSet<>();
        for (String name : names) {
            if (Pattern.compile("(?<![\\w])" + Pattern.quote(name) + "(?![\\w])").matcher(code).find()) {
                mentioned.add(name);
            }
        }
        int count = 0;
        for (String name : mentioned) {
            if (count++ == 2) {
                break;
            }
            String blanked = code.replaceAll("(?<![\\w])" + Pattern.quote(name) + "(?![\\w])", "____");
            String prompt = (zh ? "填空：\n" : "Fill in the blank:\n") + "```" + block.language() + "\n" + blanked + "\n```";
            items.add(factory.item("code-cloze", name, ItemType.CLOZE, prompt, List.of(name), null, null, section,
                    block.startLine(), block.endLine(), Difficulty.MEDIUM));
        }
        if (index + 1 < blocks.size() && blocks.get(index + 1).kind() == NoteDocument.Kind.PARAGRAPH) {
            Matcher output = OUTPUT.matcher(doc.unmask(blocks.get(index + 1).raw()).strip());
            if (output.matches()) {
                String printed = BACKTICKS.matcher(output.group(1).strip()).replaceAll("").strip();
                String prompt = (zh ? "这段代码输出什么？\n" : "What does this code print?\n") + fence;
                items.add(factory.item("code-output", printed, ItemType.BASIC, prompt, List.of(printed), null, null, section,
                        block.startLine(), blocks.get(index + 1).endLine(), Difficulty.HARD));
            }
        }
        return items;
    }

    /** The first sentence (Chinese or English), or the first sentences up to {@code max} characters when max > 0. */
    static String firstSentences(String text, int max) {
        String flat = text.replace('\n', ' ').strip();
        Matcher end = SENTENCE_END.matcher(flat);
        int cut = flat.length();
        while (end.find()) {
            cut = end.end();
            if (max <= 0 || cut >= Math.min(max, flat.length()) / 2) {
                break;
            }
        }
        String first = flat.substring(0, cut).strip();
        return max > 0 && first.length() > max ? Text.truncate(first, max) : first;
    }

    static <T> List<T> pick(List<T> pool, int count, SplittableRandom random) {
        List<T> copy = new ArrayList<>(pool);
        List<T> picked = new ArrayList<>();
        while (picked.size() < count && !copy.isEmpty()) {
            picked.add(copy.remove(random.nextInt(copy.size())));
        }
        return picked;
    }

    /** A deterministic shuffle seeded by the item id that never returns the original order (for 2+ items). */
    static List<String> shuffled(List<String> values, String id) {
        List<String> copy = new ArrayList<>(values);
        SplittableRandom random = new SplittableRandom(Text.seed(id));
        for (int attempt = 0; attempt < 5; attempt++) {
            for (int i = copy.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String t = copy.get(i);
                copy.set(i, copy.get(j));
                copy.set(j, t);
            }
            if (!copy.equals(values) || new LinkedHashSet<>(values).size() < 2) {
                break;
            }
        }
        return copy;
    }
}
