package dev.recall.quiz.generation;

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
    private static final Pattern STEP_WORDS = Pattern.compile("(?i)步骤|流程|顺序|过程|steps?\\b|process|procedure|order\\b|workflow|how to");
    private static final Pattern PROS = Pattern.compile("(?i)优点|优势|好处|\\badvantages?\\b|\\bpros\\b|\\bbenefits?\\b");
    private static final Pattern CONS = Pattern.compile("(?i)缺点|劣势|坏处|不足|\\bdisadvantages?\\b|\\bcons\\b|\\bdrawbacks?\\b");
    private static final Pattern OUTPUT = Pattern.compile("^(?:输出|打印|结果|Output|Prints?|It prints|This prints)\\s*[:：]?\\s*(.+)$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*(\\(\\))?$");
    private static final Set<String> GENERIC_HEADERS = Set.of("对比项", "对比", "比较", "项目", "特性", "方面", "区别", "维度", "",
            "aspect", "feature", "property", "comparison", "criterion", "criteria", "item");

    private ImplicitItems() {
    }

    static List<QuizItem> from(NoteDocument doc, NoteDocument.Section section, List<NoteDocument.Block> blocks, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        boolean zh = Text.isChinese(String.join(" ", section.headingPath())) || blocks.stream().anyMatch(b -> Text.isChinese(b.raw()));
        String heading = section.heading();
        boolean questionHeading = heading.endsWith("?") || heading.endsWith("？") || WHY_OR_ROLE_HEADING.matcher(heading).matches();
        String headingPrompt = heading.endsWith("?") || heading.endsWith("？") ? heading
                : heading.matches("(?i)^(why|how)\\b.*") ? heading + "?" : heading.startsWith("为") ? heading + "？" : heading + "是什么？";
        for (int i = 0; i < blocks.size(); i++) {
            NoteDocument.Block block = blocks.get(i);
            NoteDocument.Block previous = i > 0 ? blocks.get(i - 1) : null;
            switch (block.kind()) {
                case PARAGRAPH -> {
                    if (questionHeading && i == 0) {
                        String answer = Text.plain(doc.unmask(firstSentences(block.raw(), 240)));
                        items.add(factory.item("heading-question", heading, ItemType.BASIC, headingPrompt, List.of(answer), null,
                                Text.plain(doc.unmask(block.raw())), section, section.startLine(), block.endLine(), Difficulty.MEDIUM));
                    } else {
                        items.addAll(definition(doc, section, block, block.raw(), factory, true));
                    }
                }
                case BULLET_LIST, ORDERED_LIST -> items.addAll(list(doc, section, block, previous, zh, factory));
                case TABLE -> items.addAll(table(section, block, zh, factory));
                case CODE -> items.addAll(code(doc, section, block, blocks, i, zh, factory));
                default -> {
                }
            }
        }
        return items;
    }

    /** Definitions in a paragraph or list item: "**X**: Y", "X: Y" (list items), "X是Y", "X指Y", "X is Y". */
    static List<QuizItem> definition(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block, String raw,
                                     ItemFactory factory, boolean paragraph) {
        String text = raw.replace('\n', ' ').strip();
        String term = null;
        String meaning = null;
        boolean sentence = false;
        Matcher strong = STRONG_DEFINITION.matcher(text);
        if (strong.matches()) {
            term = strong.group(1).replace("\\*", "*");
            meaning = strong.group(2);
        } else if (LIST_DEFINITION.matcher(text).matches() && colonTerm(LIST_DEFINITION.matcher(text), paragraph) != null) {
            Matcher m = LIST_DEFINITION.matcher(text);
            m.matches();
            term = m.group(1);
            meaning = m.group(2);
        } else if (paragraph) {
            String first = firstSentences(text, 0);
            Matcher zh = ZH_DEFINITION.matcher(first);
            Matcher en = EN_DEFINITION.matcher(first);
            if (zh.matches() && !ZH_NOT_TERMS.matcher(zh.group(1)).matches() && !ZH_GENERIC_TERM.matcher(zh.group(1)).matches()
                    && zh.group(1).strip().split("\\s+").length <= 3) {
                term = zh.group(1);
                meaning = zh.group(3);
                sentence = true;
            } else if (en.matches() && !EN_NOT_TERMS.contains(en.group(1).toLowerCase(Locale.ROOT).split("\\s+")[0])
                    && !en.group(3).matches("(?s)^(\\w+ed|not|also|still|usually|often|only|then|now|very)\\b.*")
                    && !en.group(1).contains(NoteDocument.MASK_START + "")) {
                term = en.group(1);
                meaning = en.group(3);
                sentence = true;
            }
        }
        if (term == null || Text.normalise(term).isEmpty()) {
            return List.of();
        }
        String shownTerm = Text.plain(doc.unmask(term)).strip().replaceFirst("^(The|A|An) (?=[a-z])", "");
        String shownMeaning = Text.plain(doc.unmask(meaning)).replaceAll("[。.；;]+$", "").strip();
        boolean zh = Text.isChinese(shownTerm + shownMeaning);
        String source = Text.plain(doc.unmask(text));
        List<QuizItem> items = new ArrayList<>();
        items.add(factory.item("definition", shownTerm, ItemType.BASIC, zh ? "什么是" + shownTerm + "？" : "What is " + shownTerm + "?",
                List.of(shownMeaning), null, source, section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
        items.add(factory.item("definition", shownTerm, ItemType.REVERSED,
                zh ? "哪个概念的含义是：" + shownMeaning + "？" : "Which term means: " + shownMeaning + "?",
                List.of(shownTerm), null, source, section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
        if (sentence) {
            String first = Text.plain(doc.unmask(firstSentences(text, 0)));
            int at = first.indexOf(shownTerm);
            if (at >= 0) {
                String cloze = first.substring(0, at) + "[...]" + first.substring(at + shownTerm.length());
                items.add(factory.item("definition", shownTerm, ItemType.CLOZE, cloze, List.of(shownTerm), null, source, section,
                        block.startLine(), block.endLine(), Difficulty.EASY));
            }
        }
        return items;
    }

    /** The term of "X: Y" when it looks like one: short, no code, not "Note:"; paragraphs need a tighter X. */
    private static String colonTerm(Matcher m, boolean paragraph) {
        if (!m.matches()) {
            return null;
        }
        String term = m.group(1).strip();
        if (term.indexOf(NoteDocument.MASK_START) >= 0 || NOT_TERMS_BEFORE_COLON.contains(term.toLowerCase(Locale.ROOT))
                || (paragraph && (term.split("\\s+").length > 5 || term.length() > 30))) {
            return null;
        }
        return term;
    }

    private static List<QuizItem> list(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block,
                                       NoteDocument.Block previous, boolean zh, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        int definitions = 0;
        for (String raw : block.items()) {
            List<QuizItem> found = definition(doc, section, block, raw, factory, false);
            if (!found.isEmpty()) {
                definitions++;
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
            String id = Text.id("", section.headingPath(), "ordering", topic);
            items.add(factory.item("ordering", topic, ItemType.ORDERING, prompt, entries, shuffled(entries, id), null, section,
                    block.startLine(), block.endLine(), Difficulty.HARD));
        }
        String prompt = zh ? "列出「" + topic + "」（共 " + entries.size() + " 项）" : "List the " + entries.size() + " items of \u201C" + topic + "\u201D";
        items.add(factory.item("list-recall", topic, ItemType.BASIC, prompt, List.of(String.join("\n", entries)), null, null,
                section, block.startLine(), block.endLine(), Difficulty.HARD));
        LIST_POOL.get().add(new ListFacts(section, block, topic, entries, zh));
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

    record ListFacts(NoteDocument.Section section, NoteDocument.Block block, String topic, List<String> entries, boolean zh) {
    }

    /** Lists of the document being generated (generation of one note runs on one thread). */
    static final ThreadLocal<List<ListFacts>> LIST_POOL = ThreadLocal.withInitial(ArrayList::new);

    /** Items that need the whole note: membership choices (distractors from other lists) and pros/cons. */
    static List<QuizItem> acrossSections(NoteDocument doc, ItemFactory factory) {
        List<ListFacts> lists = List.copyOf(LIST_POOL.get());
        LIST_POOL.remove();
        List<QuizItem> items = new ArrayList<>();
        for (ListFacts list : lists) {
            Set<String> own = new LinkedHashSet<>();
            list.entries().forEach(e -> own.add(Text.normalise(e)));
            List<String> pool = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>(own);
            // Nearest lists first: siblings under the same heading, then the rest in document order of distance.
            List<ListFacts> byProximity = new ArrayList<>(lists);
            byProximity.sort(java.util.Comparator.comparingInt((ListFacts other) -> -commonPrefix(list, other))
                    .thenComparingInt(other -> Math.abs(other.block().startLine() - list.block().startLine())));
            for (ListFacts other : byProximity) {
                for (String entry : other.entries()) {
                    if (other != list && seen.add(Text.normalise(entry))) {
                        pool.add(entry);
                    }
                }
            }
            if (pool.size() >= 3 && list.entries().size() >= 2) {
                String key = list.topic();
                String id = Text.id("", list.section().headingPath(), "list-choice", key);
                SplittableRandom random = new SplittableRandom(Text.seed(id));
                String answer = list.entries().get(random.nextInt(list.entries().size()));
                // The three nearest entries of other lists: for "advantages", the disadvantages next to them.
                List<String> options = new ArrayList<>(pool.subList(0, 3));
                options.add(answer);
                String prompt = list.zh() ? "以下哪一项属于「" + list.topic() + "」？" : "Which of these belongs to \u201C" + list.topic() + "\u201D?";
                items.add(factory.item("list-choice", key, ItemType.MULTIPLE_CHOICE, prompt, List.of(answer), shuffled(options, id), null,
                        list.section(), list.block().startLine(), list.block().endLine(), Difficulty.EASY));
            }
        }
        items.addAll(prosAndCons(lists, factory));
        return items;
    }

    /** A list of advantages next to a list of disadvantages (same parent heading): true/false by swapping sides. */
    private static List<QuizItem> prosAndCons(List<ListFacts> lists, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        for (ListFacts pros : lists) {
            if (!PROS.matcher(pros.topic()).find()) {
                continue;
            }
            for (ListFacts cons : lists) {
                if (!CONS.matcher(cons.topic()).find() || !parent(pros).equals(parent(cons))) {
                    continue;
                }
                for (ListFacts side : List.of(pros, cons)) {
                    ListFacts other = side == pros ? cons : pros;
                    for (String entry : side.entries()) {
                        String id = Text.id("", side.section().headingPath(), "pros-cons", entry);
                        boolean swap = (Text.seed(id) & 1) == 1;
                        String claimed = swap ? other.topic() : side.topic();
                        String prompt = side.zh() ? "判断：「" + entry + "」属于「" + claimed + "」。"
                                : "True or false: \u201C" + entry + "\u201D is one of the " + claimed.toLowerCase(Locale.ROOT) + ".";
                        items.add(factory.item("pros-cons", entry, ItemType.TRUE_FALSE, prompt, List.of(swap ? "false" : "true"),
                                List.of("true", "false"), side.zh() ? "「" + entry + "」属于「" + side.topic() + "」" : "\u201C" + entry
                                        + "\u201D is listed under " + side.topic(), side.section(), side.block().startLine(),
                                side.block().endLine(), Difficulty.EASY));
                    }
                }
            }
        }
        return items;
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

    private static List<QuizItem> table(NoteDocument.Section section, NoteDocument.Block block, boolean zh, ItemFactory factory) {
        List<List<String>> rows = block.table();
        if (rows.size() < 3 || rows.get(0).size() < 2 || rows.get(0).size() > 5) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<List<String>> body = rows.subList(1, Math.min(rows.size(), 9)).stream().filter(r -> r.size() == header.size()).toList();
        boolean comparison = GENERIC_HEADERS.contains(header.get(0).toLowerCase(Locale.ROOT).strip());
        List<QuizItem> items = new ArrayList<>();
        for (List<String> row : body) {
            String key = row.get(0);
            for (int c = 1; c < header.size(); c++) {
                if (!comparison && c > 1) {
                    break; // a reference table: ask for the first value column; the rest goes in the explanation
                }
                String answer = row.get(c);
                if (key.isBlank() || answer.isBlank()) {
                    continue;
                }
                String subject = comparison ? header.get(c) : key;
                String aspect = comparison ? key : header.get(c);
                String prompt = comparison
                        ? (zh ? subject + " 在「" + aspect + "」上是怎样的？" : "How does " + subject + " compare on " + aspect.toLowerCase(Locale.ROOT) + "?")
                        : (zh ? subject + " 的" + aspect + "是什么？" : header.get(0) + " \u201C" + subject + "\u201D: " + aspect.toLowerCase(Locale.ROOT) + "?");
                items.add(factory.item("table-cell", subject + "|" + aspect, ItemType.BASIC, prompt, List.of(answer), null,
                        String.join(" | ", row), section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
            }
        }
        if (!comparison && body.size() >= 3) {
            List<String> pairs = new ArrayList<>();
            Set<String> rights = new LinkedHashSet<>();
            for (List<String> row : body) {
                pairs.add(row.get(0) + " → " + row.get(1));
                rights.add(Text.normalise(row.get(1)));
            }
            if (rights.size() == body.size()) {
                String id = Text.id("", section.headingPath(), "table-matching", header.get(0) + header.get(1));
                List<String> options = shuffled(body.stream().map(r -> r.get(1)).toList(), id);
                String prompt = zh ? "把每个「" + header.get(0) + "」与它的「" + header.get(1) + "」配对"
                        : "Match each " + header.get(0).toLowerCase(Locale.ROOT) + " with its " + header.get(1).toLowerCase(Locale.ROOT);
                items.add(factory.item("table-matching", header.get(0) + header.get(1), ItemType.MATCHING, prompt, pairs, options, null,
                        section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
            }
        }
        return items;
    }

    private static List<QuizItem> code(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block,
                                       List<NoteDocument.Block> blocks, int index, boolean zh, ItemFactory factory) {
        String code = block.code() == null ? "" : block.code().stripTrailing();
        if (code.isEmpty() || code.length() > 1500) {
            return List.of();
        }
        List<QuizItem> items = new ArrayList<>();
        String fence = "```" + block.language() + "\n" + code + "\n```";
        // Identifiers the prose of this section names as inline code, and which the code uses.
        Set<String> mentioned = new LinkedHashSet<>();
        for (NoteDocument.Block other : blocks) {
            if (other.kind() != NoteDocument.Kind.CODE) {
                for (String identifier : doc.inlineCode(other.raw())) {
                    String name = identifier.replace("@", "").replace("()", "");
                    if (IDENTIFIER.matcher(name).matches() && name.length() >= 3
                            && Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w])").matcher(code).find()) {
                        mentioned.add(name);
                    }
                }
            }
        }
        int count = 0;
        for (String name : mentioned) {
            if (count++ == 2) {
                break;
            }
            String blanked = code.replaceAll("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w])", "____");
            String prompt = (zh ? "填空：\n" : "Fill in the blank:\n") + "```" + block.language() + "\n" + blanked + "\n```";
            items.add(factory.item("code-cloze", name, ItemType.CLOZE, prompt, List.of(name), null, null, section,
                    block.startLine(), block.endLine(), Difficulty.MEDIUM));
        }
        if (index + 1 < blocks.size() && blocks.get(index + 1).kind() == NoteDocument.Kind.PARAGRAPH) {
            Matcher output = OUTPUT.matcher(doc.unmask(blocks.get(index + 1).raw()).strip());
            if (output.matches()) {
                String printed = output.group(1).strip().replaceAll("^`+|`+$", "").strip();
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
        Matcher end = Pattern.compile("[。！？!?]|\\.(\\s|$)").matcher(flat);
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
