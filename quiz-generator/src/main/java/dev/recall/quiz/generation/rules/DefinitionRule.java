package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;
import dev.recall.quiz.generation.Text;
import dev.recall.quiz.generation.language.Segmenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Definitions, in Chinese and English: "**X**: Y", "X：Y" / "X:Y" (with or without a space), "X（ABBR）：Y",
 * "X是Y", "X指Y", "X指的是Y", "所谓X，就是Y", "X is/are/means/refers to Y", "X — Y". The term must be a term
 * ({@link Terms}: no fragment, code, number or pronoun) and, in Chinese, end on a word boundary with the copula a
 * word of its own (so "但是", "于是", "总是" never split a term). Gives what-is, the reverse (only when the meaning
 * is specific enough to name one term) and, for sentences, a cloze on the term.
 */
public final class DefinitionRule {

    /** A definition found in text. {@code abbreviation} is the "(ABBR)" after the term, or null. */
    public record Definition(String term, String abbreviation, String meaning, String verb, boolean sentence) {
    }

    private static final Pattern PLURAL_START = Pattern.compile("(?s)^[a-z]+s\\b.*");
    private static final Pattern NOT_PLURAL_START = Pattern.compile("(?s)^(?:its|this|was|has|does|is|always|sometimes|less|unless)\\b.*");
    private static final Pattern ADVERB_START = Pattern.compile("(?s)^(not|also|still|usually|often|only|then|now|very|more|less|too|so)\\b.*");
    private static final Pattern CLAUSE_IN_TERM = Pattern.compile(".*[，,：:（(].*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,9}");
    private static final Pattern STRONG = Pattern.compile("^\\*\\*((?:\\\\\\*|[^*\\n]){1,40}?)\\*\\*\\s*[:：]\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern COLON = Pattern.compile("^([^:：\\n]{1,30}?)\\s*(?:[（(]\\s*([A-Za-z][A-Za-z0-9 .+#/-]{0,20}?)\\s*[）)])?\\s*(?:(?<!\\d)[:：]|[:：](?!\\d))(?!//)\\s*(.{2,})$",
            Pattern.DOTALL);
    private static final Pattern SUOWEI = Pattern.compile("^所谓(?:的)?([^，,。]{1,20}?)\\s*[，,]\\s*(?:就是|是指|指的是|是|即)(.{4,})$", Pattern.DOTALL);
    /** "MVCC 即多版本并发控制，是…": the term, 即, and what it names up to the end of the clause. */
    private static final Pattern ZH_JI = Pattern.compile("^([^，,。；;：:即]{1,20}?)\\s*(?:即|也就是)\\s*(?!是|为|使|便)([^，,。；;]{2,40})");
    private static final Pattern ZH_COPULA = Pattern.compile("(?:只|就|正|即)?(指的是|是指|是|指)");
    private static final Pattern EN = Pattern.compile(
            "^(?:(An?|The)\\s+)?([A-Za-z\\uE000][\\w\\-+#/.()\\uE000\\uE001]*(?:\\s+[\\w\\-+#/.()\\uE000\\uE001]+){0,4}?)\\s+(is|are|means|refers to)\\s+(.{6,})$",
            Pattern.DOTALL);
    /** "The Global Interpreter Lock (GIL) is …": the English form with the abbreviation after the term. */
    private static final Pattern EN_ABBREVIATED = Pattern.compile(
            "^(?:(?:An?|The)\\s+)?([A-Za-z][\\w\\-+#/.]*(?:\\s+[\\w\\-+#/.]+){0,4}?)\\s*[（(]([A-Za-z][A-Za-z0-9.+#/-]{1,10})[）)]\\s+(is|are|means|refers to)\\s+(.{6,})$",
            Pattern.DOTALL);
    private static final Pattern EN_MEANING_START = Pattern.compile(
            "(?i)^(?:(?:an?|the|one|any|each|every|some|two|three|four|several|many|used|called|known|what|how|where|when)\\b|\\w+ing\\b|\\w+s\\b(?= (?:that|which|of|for|in|from|with)\\b)).*",
            Pattern.DOTALL);
    private static final Pattern IMPERATIVE_START = Pattern.compile(
            "(?i)(?:use|avoid|call|prefer|choose|try|pick|set|add|keep|don't|do not|never|always|pass|put|check|make sure|remember|consider)\\b");
    /** "The GIL (Global Interpreter Lock) is …": the abbreviation first, its full name in brackets. */
    private static final Pattern EN_ABBREVIATION_FIRST = Pattern.compile(
            "^(?:(?:An?|The)\\s+)?([A-Z][A-Za-z0-9+#.-]{1,10})\\s*[（(]([A-Za-z][\\w .,+#/-]{3,60}?)[）)]\\s+(is|are|means|refers to)\\s+(.{6,})$",
            Pattern.DOTALL);
    /** "DNS（Domain Name System，域名系统）是…": the name, then what it stands for in brackets, then the copula. */
    private static final Pattern ZH_BRACKETED_NAME = Pattern.compile(
            "^([^，,。（(]{1,20}?)\\s*[（(][^（）()]{2,60}[）)]\\s*(?=(?:只|就|正|即)?(?:指的是|是指|是|指))");
    private static final Pattern CONTRAST_TAIL = Pattern.compile(",\\s*(?:while|whereas)\\s|;\\s");
    private static final Pattern DASH = Pattern.compile("^([^—–\\n]{1,40}?)\\s*(?:——|—|–)\\s*(.{4,})$", Pattern.DOTALL);
    /** Words the segmenter finds around 是/指 that are not a copula after a term. */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("但是", "于是", "总是", "还是", "可是", "或是",
            "凡是", "要是", "若是", "倒是", "老是", "真是", "像是", "都是", "也是", "不是", "算是", "便是", "更是", "而是", "自是", "硬是",
            "是否", "是不是", "指出", "指导", "指定", "指针", "指令", "指数", "指标", "手指", "指南", "指向", "指示");
    private static final Pattern NOT_BEFORE_COPULA = Pattern.compile(".*[都也还便总不可而于但像才又却并就只正即要]$");
    private static final Pattern ARROWS = Pattern.compile("(?:→|->|=>|⇒).*(?:→|->|=>|⇒)");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[。.；;，,]+$");
    private static final Pattern CLAUSE = Pattern.compile("[，,；;]");
    private static final Pattern ARTICLE = Pattern.compile("^(The|A|An) (?=[a-z])");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(A|An|The)\\s");
    /** What {@code \\s} is in a Java pattern. */
    private static final String WHITE = " \t\n\u000B\f\r";
    private static final String[] EN_VERBS = {"is", "are", "means", "refers to"};

    private DefinitionRule() {
    }

    /** Items of the definition in a paragraph ({@code paragraph}) or a list item. */
    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block, String raw, boolean paragraph) {
        List<QuizItem> items = new ArrayList<>();
        if (paragraph && raw.indexOf('\n') > 0 && termLines(raw)) {
            // "git init：初始化仓库" line after line: each line defines its own term.
            for (String line : raw.split("\n")) {
                for (Definition definition : find(line.strip(), true)) {
                    items.addAll(items(ctx, block, line.strip(), definition));
                }
            }
            return items;
        }
        String text = raw.replace('\n', ' ').strip();
        for (Definition definition : find(text, paragraph)) {
            items.addAll(items(ctx, block, raw, definition));
        }
        if (paragraph) {
            // The sentences after the first may define other terms ("工作区是…。暂存区指的是…。"): up to two more.
            List<String> sentences = sentences(text, 3);
            for (String next : sentences.subList(Math.min(1, sentences.size()), sentences.size())) {
                for (Definition definition : find(next, true)) {
                    if (items.stream().noneMatch(i -> definition.term().equals(i.answers().get(0)) || i.prompt().contains(definition.term()))) {
                        items.addAll(items(ctx, block, next, definition));
                    }
                }
            }
        }
        return items;
    }

    /** The first {@code max} sentences of {@code text}, each as {@link #firstSentence} cuts it (on one line, stripped). */
    static List<String> sentences(String text, int max) {
        List<String> sentences = new ArrayList<>();
        String rest = text.replace('\n', ' ').strip();
        while (!rest.isEmpty() && sentences.size() < max) {
            String sentence = firstSentence(rest);
            sentences.add(sentence);
            rest = rest.substring(rest.indexOf(sentence) + sentence.length()).strip();
        }
        return sentences;
    }

    /** Two or more lines, each of the form "term：meaning" (the plain-text reader joins such lines into a paragraph). */
    private static boolean termLines(String raw) {
        String[] lines = raw.split("\n");
        if (lines.length < 2) {
            return false;
        }
        for (String line : lines) {
            int colon = Math.max(line.indexOf('：'), line.indexOf(':'));
            if (colon <= 0 || colon > 30) {
                return false;
            }
        }
        return true;
    }

    /** The definitions a text states: usually one; two for a pair of parallel clauses ("A是X，B是Y"). */
    public static List<Definition> find(String text, boolean paragraph) {
        if (text.isEmpty() || Text.hasArrow(text) && ARROWS.matcher(text).find()) {
            return List.of(); // a chain of arrows is a process, not a definition
        }
        Matcher strong;
        if (text.startsWith("**") && (strong = STRONG.matcher(text)).matches()) {
            // As for "X：Y", a paragraph's meaning ends with its first sentence: the next one is another fact.
            String meaning = paragraph ? firstSentence(strong.group(2)).strip() : strong.group(2);
            return List.of(new Definition(strong.group(1).replace("\\*", "*"), null, meaning, "is", false));
        }
        Matcher colon;
        if ((text.indexOf(':') >= 0 || text.indexOf('：') >= 0) && (colon = COLON.matcher(text)).matches() && !openBracket(colon.group(1))
                && colonTerm(glossless(colon.group(1)), paragraph)) {
            // A paragraph's meaning ends with its first sentence: the next line is another fact ("CAS 的问题：…").
            String meaning = paragraph ? firstSentence(colon.group(3)).strip() : colon.group(3).strip();
            if (!meaning.isEmpty() && !meaning.startsWith("//") && !(paragraph && meaning.length() < 2)) {
                return List.of(new Definition(glossless(colon.group(1)).strip(), colon.group(2), meaning, "is", false));
            }
        }
        if (!paragraph) {
            return List.of();
        }
        String first = firstSentence(Text.plain(text));
        Matcher suowei;
        if (first.startsWith("所谓") && (suowei = SUOWEI.matcher(first)).matches() && Terms.isTerm(suowei.group(1))) {
            return List.of(new Definition(suowei.group(1).strip(), null, suowei.group(2), "is", true));
        }
        Matcher ji;
        if (Text.isChinese(first) && first.indexOf('即') > 0 && (ji = ZH_JI.matcher(first)).lookingAt() && Terms.isTerm(ji.group(1).strip())
                && !Terms.isQuantity(ji.group(2))) {
            return List.of(new Definition(ji.group(1).strip(), null, ji.group(2).strip(), "即", true));
        }
        if (Text.isChinese(first)) {
            return chinese(first);
        }
        Matcher en;
        if (spacedVerb(first) && (first.indexOf('(') >= 0 || first.indexOf('（') >= 0) && (en = EN_ABBREVIATED.matcher(first)).matches()
                && Terms.isTerm(en.group(1)) && !ADVERB_START.matcher(en.group(4)).matches()) {
            // An abbreviation says the phrase is a name: the meaning needs no further test of being specific.
            return List.of(new Definition(en.group(1), en.group(2), en.group(4), en.group(3).toLowerCase(Locale.ROOT), true));
        }
        if (spacedVerb(first) && (first.indexOf('(') >= 0 || first.indexOf('（') >= 0) && (en = EN_ABBREVIATION_FIRST.matcher(first)).matches()
                && isAbbreviation(en.group(1)) && Terms.isTerm(en.group(2)) && !ADVERB_START.matcher(en.group(4)).matches()) {
            return List.of(new Definition(en.group(2).strip(), en.group(1), en.group(4), en.group(3).toLowerCase(Locale.ROOT), true));
        }
        if (spacedVerb(first) && (en = EN.matcher(first)).matches() && Terms.isTerm(en.group(2)) && en.group(2).indexOf('\uE000') < 0) {
            String verb = en.group(3).toLowerCase(Locale.ROOT);
            String meaning = CONTRAST_TAIL.split(en.group(4), 2)[0]; // "NCCL is for GPUs, while Gloo …": Gloo is not NCCL's meaning
            boolean specific = !verb.equals("is") && !verb.equals("are") || EN_MEANING_START.matcher(meaning).matches()
                    || verb.equals("are") && PLURAL_START.matcher(meaning).matches() && !NOT_PLURAL_START.matcher(meaning).matches();
            if (specific && !ADVERB_START.matcher(meaning).matches()) {
                return List.of(new Definition(en.group(2), null, meaning, verb, true));
            }
        }
        Matcher dash;
        if ((first.indexOf('—') >= 0 || first.indexOf('–') >= 0) && (dash = DASH.matcher(first)).matches() && Terms.isTerm(dash.group(1))) {
            return List.of(new Definition(dash.group(1).strip(), null, dash.group(2), "is", false));
        }
        return List.of();
    }

    /** "A headless Service (clusterIP: None) is …": a colon inside brackets ends no term. */
    private static boolean openBracket(String term) {
        int open = 0;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            open += c == '(' || c == '（' ? 1 : c == ')' || c == '）' ? -1 : 0;
        }
        return open > 0;
    }

    /** "LRU（最近最久未使用算法）" names LRU: a bracketed gloss after a name is no part of it. */
    private static String glossless(String term) {
        String t = term.strip();
        if (t.endsWith("）") || t.endsWith(")")) {
            int open = Math.max(t.lastIndexOf('（'), t.lastIndexOf('('));
            if (open > 0 && Text.hasHan(t.substring(open))) {
                return t.substring(0, open).strip();
            }
        }
        return t;
    }

    /** "X是Y" / "X指Y": each clause of the sentence that is one (a pair gives two, each meaning its own clause). */
    private static List<Definition> chinese(String sentence) {
        Matcher bracketed = sentence.indexOf('（') > 0 || sentence.indexOf('(') > 0 ? ZH_BRACKETED_NAME.matcher(sentence) : null;
        if (bracketed != null && bracketed.lookingAt()) {
            sentence = bracketed.group(1).strip() + sentence.substring(bracketed.end()); // the brackets name it again, in full
        }
        Definition whole = chineseClause(sentence, sentence);
        if (whole == null) {
            return List.of(); // no definition: its clauses are not looked at
        }
        List<String> clauses = new ArrayList<>();
        Matcher cut = CLAUSE.matcher(sentence);
        int at = 0;
        while (cut.find()) {
            clauses.add(sentence.substring(at, cut.start()));
            at = cut.end();
        }
        clauses.add(sentence.substring(at));
        if (clauses.size() < 2) {
            return List.of(whole); // one clause: no pair
        }
        // A pair: the next clause defines another term ("进程是…，线程是…"): each meaning stops at its clause.
        List<Definition> pair = new ArrayList<>();
        for (String clause : clauses) {
            Definition d = chineseClause(clause, clause);
            if (d != null) {
                pair.add(d);
            }
        }
        if (pair.size() >= 2 && pair.get(0).term().equals(whole.term())) {
            // The pair rule clozes both terms at once; a cloze of one would give the other away.
            return pair.stream().map(d -> new Definition(d.term(), d.abbreviation(), d.meaning(), d.verb(), false)).toList();
        }
        return List.of(whole);
    }

    private static Definition chineseClause(String text, String context) {
        Matcher copula = ZH_COPULA.matcher(text);
        while (copula.find()) {
            int start = copula.start();
            if (start == 0 || start > 20) {
                return null;
            }
            String term = text.substring(0, start).strip();
            String rest = text.substring(copula.end());
            int semicolon = Text.indexOfAny(rest, "；;");
            if (semicolon > 0) {
                rest = rest.substring(0, semicolon); // "singleton 是默认作用域，…；prototype 每次…": the other side starts there
            }
            if (rest.startsWith("否") || rest.startsWith("不") || NOT_BEFORE_COPULA.matcher(term).matches()) {
                continue;
            }
            if (CLAUSE_IN_TERM.matcher(term).matches() || rest.length() < 4) {
                return null;
            }
            if (!Terms.isTerm(term) || Terms.isQuantity(rest)) {
                return null; // "默认值是 0.75": a value, not what a term means
            }
            if (mayJoin(context, copula.start(1), copula.end(1)) && FUNCTION_WORDS.contains(Segmenter.wordAt(context, copula.start(1)))) {
                continue; // "是" inside "但是", "于是", "总是", "而是": not the copula of a definition
            }
            return new Definition(term, null, rest, copula.group(1), true);
        }
        return null;
    }

    /** A verb of {@link #EN} with white space on both sides: the expression runs only then. */
    private static boolean spacedVerb(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (WHITE.indexOf(text.charAt(i - 1)) < 0) {
                continue;
            }
            for (String verb : EN_VERBS) {
                int end = i + verb.length();
                if (end < text.length() && text.startsWith(verb, i) && WHITE.indexOf(text.charAt(end)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@link #END_PUNCTUATION} ("[。.；;，,]+$") can match only when the text ends in one of its characters or in a
     * line terminator ("$" also matches before a final one).
     */
    private static boolean mayEndInPunctuation(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return "。.；;，,\n\r\u0085\u2028\u2029".indexOf(last) >= 0;
    }

    /** Characters that form a function word with 是/指 next to them: only then is the segmenter asked. */
    private static final String JOINS_BEFORE = "但于总还可或凡要若倒老真像都也不算便更而自硬手";
    private static final String JOINS_AFTER = "否不出导定针令数标南向示";

    private static boolean mayJoin(String text, int start, int end) {
        return start > 0 && JOINS_BEFORE.indexOf(text.charAt(start - 1)) >= 0 || end < text.length() && JOINS_AFTER.indexOf(text.charAt(end)) >= 0;
    }

    private static boolean colonTerm(String term, boolean paragraph) {
        String t = term.strip();
        if (!Terms.isTerm(t) || t.indexOf('\uE000') >= 0 && paragraph) {
            return false;
        }
        return !paragraph || (SPACES.split(t).length <= 5 && t.length() <= 30);
    }

    /**
     * "HTTP 是明文传输的，中间人可以…", "容器：动态的，有自己的生命周期": a short "…的" clause first says what the thing is
     * like, not what it is; asked "什么是HTTP？" its answer would be a quality. A longer one ends a description of a
     * noun that follows ("由 CA 签发的，用来证明公钥属于某个网站的文件").
     */
    public static boolean describesAQuality(String meaning) {
        int clause = Text.indexOfAny(meaning, "，,。；;");
        int end = clause < 0 ? meaning.length() : clause;
        return end >= 2 && end <= 8 && meaning.charAt(end - 1) == '的' && Text.hasHan(meaning);
    }

    /** "Goroutine leak", "Event loop": a common noun phrase written with a capital at a line's start. */
    private static final Pattern COMMON_NOUN_PHRASE = Pattern.compile("[A-Z][a-z]+(?: [a-z][a-z-]*){1,3}");

    /**
     * The term as a question names it: "Goroutine leak: a goroutine that …" is asked "What is a goroutine leak?", not
     * "What is Goroutine leak?". Only a phrase of plain lower-case words after a capital, not ending in s (a plural,
     * or a name like "Redis"); a name ("Kubernetes", "Task", "HashMap", "GIL") stays as written.
     */
    public static String withArticle(String term) {
        if (!COMMON_NOUN_PHRASE.matcher(term).matches() || term.endsWith("s") || term.endsWith("ing")) { // "reference counting" takes none
            return term;
        }
        String lower = Character.toLowerCase(term.charAt(0)) + term.substring(1);
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
    }

    private static List<QuizItem> items(SectionContext ctx, NoteDocument.Block block, String raw, Definition definition) {
        String plainTerm = ctx.plain(definition.term());
        String term = (plainTerm.startsWith("The ") || plainTerm.startsWith("A ") || plainTerm.startsWith("An ")
                ? ARTICLE.matcher(plainTerm).replaceFirst("") : plainTerm).strip();
        String plainMeaning = ctx.plain(definition.meaning());
        if (plainMeaning.endsWith(":") || plainMeaning.endsWith("：")) {
            return List.of(); // "A common pattern is a timeout with time.After:" introduces the code below it
        }
        if (describesAQuality(plainMeaning) || IMPERATIVE_START.matcher(plainMeaning).lookingAt()) {
            return List.of(); // "CPU-bound: use multiprocessing": advice for a case, not what the case is
        }
        String meaning = (mayEndInPunctuation(plainMeaning) ? END_PUNCTUATION.matcher(plainMeaning).replaceAll("") : plainMeaning).strip();
        String source = ctx.plain(raw);
        Matcher leading = LEADING_ARTICLE.matcher(source);
        String article = leading.find() ? leading.group(1).toLowerCase(Locale.ROOT) + " " : "";
        boolean zh = Text.isChinese(term + meaning);
        String shownTerm = definition.abbreviation() == null ? term
                : term + (zh ? "（" + definition.abbreviation() + "）" : " (" + definition.abbreviation() + ")");
        List<QuizItem> items = new ArrayList<>();
        // "MySQL 默认的隔离级别是可重复读" describes a thing rather than naming it: asked as "…是什么？", never reversed.
        boolean described = zh && term.indexOf('的') > 0;
        String prompt = zh ? (described ? shownTerm + "是什么？" : "什么是" + shownTerm + "？") : switch (definition.verb().toLowerCase(Locale.ROOT)) {
            case "are" -> "What are " + article + shownTerm + "?";
            case "means" -> "What does " + shownTerm + " mean?";
            case "refers to" -> "What does " + shownTerm + " refer to?";
            default -> "What is " + (article.isEmpty() ? withArticle(shownTerm) : article + shownTerm) + "?";
        };
        items.add(ctx.item("definition", ItemType.BASIC, term).prompt(prompt).answer(meaning).explanation(source).lines(block)
                .difficulty(Difficulty.MEDIUM).build());
        if (!described && reversible(term, meaning)) {
            items.add(ctx.item("definition", ItemType.REVERSED, term)
                    .prompt(zh ? "哪个概念的含义是：" + meaning + "？" : "Which term means: " + meaning + "?").answer(term)
                    .explanation(source).lines(block).difficulty(Difficulty.MEDIUM).build());
        }
        if (definition.abbreviation() != null && isAbbreviation(definition.abbreviation())) {
            items.add(ctx.item("abbreviation", ItemType.BASIC, definition.abbreviation())
                    .prompt(zh ? definition.abbreviation() + "是什么的缩写？" : "What does " + definition.abbreviation() + " stand for?")
                    .answer(term).explanation(source).lines(block).difficulty(Difficulty.EASY).build());
        }
        if (definition.sentence() && definition.abbreviation() == null) {
            String first = firstSentence(source);
            int at = first.indexOf(term);
            if (at >= 0 && first.indexOf(term, at + term.length()) < 0) {
                String cloze = first.substring(0, at) + "[...]" + first.substring(at + term.length());
                items.add(ctx.item("definition", ItemType.CLOZE, term).prompt(cloze).answer(term).explanation(source).lines(block)
                        .difficulty(Difficulty.EASY).build());
            }
        }
        return items;
    }

    /** The reverse card only when the meaning names one thing: long enough and free of the term itself. */
    private static boolean reversible(String term, String meaning) {
        String m = Text.normalise(meaning);
        int min = Text.isChinese(meaning) ? 6 : 12;
        return m.length() >= min && !m.contains(Text.normalise(term));
    }

    /**
     * "GIL", "MVCC", "gRPC": letters, at least half of them capitals. "原子性（Atomicity）" gives the English name,
     * which nothing abbreviates.
     */
    static boolean isAbbreviation(String text) {
        if (!ABBREVIATION.matcher(text).matches()) {
            return false;
        }
        long letters = text.chars().filter(Character::isLetter).count();
        long capitals = text.chars().filter(Character::isUpperCase).count();
        return capitals >= 2 && capitals * 2 >= letters;
    }

    /** The period of "e.g.", "i.e.", "etc.", "vs." or "cf." inside a sentence, not its end. */
    static boolean abbreviationEnd(String text, int period) {
        if (period + 1 == text.length()) {
            return false;
        }
        int start = period;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, period).toLowerCase(Locale.ROOT);
        return word.equals("e.g") || word.equals("i.e") || word.equals("etc") || word.equals("vs") || word.equals("cf");
    }

    /** The text up to its first sentence end ("。！？!?", or "." before white space or the end), on one line. */
    static String firstSentence(String text) {
        String flat = text.replace('\n', ' ').strip();
        int n = flat.length();
        for (int i = 0; i < n; i++) {
            char c = flat.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '!' || c == '?'
                    || c == '.' && !abbreviationEnd(flat, i) && (i + 1 == n || " \t\n\u000B\f\r".indexOf(flat.charAt(i + 1)) >= 0
                    || i + 2 == n && "\u0085\u2028\u2029".indexOf(flat.charAt(i + 1)) >= 0)) {
                return flat.substring(0, i + 1).strip(); // the same as the expression "[。！？!?]|\\.(\\s|$)"
            }
        }
        return flat;
    }
}
