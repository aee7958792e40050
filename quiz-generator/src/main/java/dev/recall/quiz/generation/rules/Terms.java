package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.Text;
import dev.recall.quiz.generation.language.Segmenter;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether a phrase can be the term of a card: not a sentence fragment, a line of code, a number or a pronoun. */
public final class Terms {

    /**
     * What {@code ^(?:这|那|…|不).*|.*(?:的|了|…|过)$} matches (a pronoun or conjunction at the start, a particle at the
     * end), without the expression: Java's "." refuses line terminators, so the rest of the text must have none.
     */
    private static final String[] ZH_NOT_TERM_STARTS = {"这", "那", "它", "他", "她", "我", "你", "其", "此", "该", "每", "所以", "因为", "如果",
            "但", "而", "在", "当", "对", "把", "被", "就", "也", "还", "只", "都", "并", "且", "或", "与", "和", "及", "又", "才", "则", "即",
            "若", "虽", "然后", "首先", "最后", "其中", "比如", "例如", "一般", "通常", "可以", "需要", "没有", "不",
            // places and back-references: "里面是一条条指令", "后者更快"
            "里面", "里边", "上面", "下面", "前面", "后面", "以上", "以下", "前者", "后者", "两者", "二者"};
    /**
     * Names that start with a character of {@link #ZH_NOT_TERM_STARTS} as part of a word: "不可重复读", "不对称加密",
     * "对称加密", "对象", "并发", "当前线程", "只读" (a clause starting with 不, 对, 并, 当 or 只 is no name).
     */
    private static final Pattern NAME_START = Pattern.compile("不(?:可(?:变|重复|达|见|逆|中断)|对称|变量|确定性|透明|相交)"
            + "|对(?:称|象|等)|在线|当前|并(?:发|行|查集)|即时|只读|被动|每秒");
    private static final String ZH_NOT_TERM_ENDS = "的了地得也都就还又才并而且着过";
    /** "负载因子默认是 0.75", "ArrayList 底层是动态数组": a thing's default or inside, not a name of its own. */
    private static final String[] ZH_NOT_TERM_END_WORDS = {"默认", "底层", "本身", "内部", "里面", "之中", "当中", "一般", "通常", "往往", "其实"};
    private static final Pattern ZH_GENERIC = Pattern.compile(
            "^(?:.{0,12}的|正确|错误|常见|一般|通常|基本|主要|其他|另一种|这种|那种|解决)?(?:办法|方法|做法|写法|原因|结果|目的|作用|问题|答案|区别|关键|重点|核心|原理|思路|方式|缺点|优点|好处|坏处|特点|原则|情况|时候|地方|一点|一种|之一)$");
    /** A verb inside a term means a clause, not a name: "带参数的装饰器需要再包一层函数". */
    private static final Pattern ZH_VERBS = Pattern.compile(".*(?:是|需要|可以|能够|应该|必须|不能|没有|不会|不要|使用|通过|进行|用来|用于|导致|如果|因为|所以|分为|分成|包括|包含|(?:有|提供了?|定义了?|支持|包含|解决了?|具有|涉及|经历|包括)[一二三四五六七八九十两几\\d]+[个种类项条点大层]|主要|本质上|其实|实际上|面试|常问|常考|必问|必考|基于|不同|结合了|取决于|时执行|时调用|会被|可以被|被调用|可能|发生在|[^\\s]了两|了一).*");
    private static final Set<String> ZH_NOT_TERMS = Set.of("输出", "结果", "注意", "提示", "例如", "比如", "示例", "警告", "答", "问", "答案", "问题",
            "作者", "来源", "时间", "日期", "地址", "链接", "优点", "缺点", "其中", "总结", "备注", "说明", "步骤", "流程", "用法", "总之", "结论",
            "区别", "原因", "作用", "目的", "场景", "举例", "补充", "扩展", "前提", "条件", "方法", "特点",
            "处理步骤", "操作步骤", "解决办法", "解决方法", "解决方案", "处理方法", "实现步骤", "使用步骤",
            // Relational nouns: the value of something the sentence names elsewhere ("默认值是 0.75").
            "值", "默认", "默认值", "返回值", "初始值", "取值", "大小", "长度", "数量", "个数", "次数", "范围", "单位", "上限", "下限",
            // Aspect labels: "优势：…" lists parts of an aspect, it does not define a term.
            "优势", "劣势", "特性", "用途", "应用场景", "适用场景", "使用场景", "注意事项", "参考", "参考资料", "出处", "引用");
    /** English relational nouns: "The default is 16" is a value of something, not a term. */
    private static final Set<String> EN_RELATIONAL = Set.of("default", "default value", "return value", "value", "size", "length", "count",
            "number", "range", "limit", "maximum", "minimum", "unit", "type", "name", "pros", "cons", "advantages", "disadvantages", "benefits",
            "drawbacks", "features", "use cases",
            // "The cost is that …", "The difference is …": what something costs or differs by, said of a thing named elsewhere
            "cost", "downside", "upside", "catch", "difference", "trade-off", "tradeoff", "reason", "problem", "idea", "point", "key",
            "trick", "answer", "goal", "pro", "con", "advantage", "disadvantage", "benefit", "drawback");
    /** A number with an optional unit or a short word after it: "0.75", "16", "8 KB", "3 次". */
    private static final Pattern QUANTITY = Pattern.compile("^[\\s约大概为]*[-+]?\\d[\\d.,_]*\\s*(?:[%‰]|[A-Za-z]{1,5}|[\\u4e00-\\u9fff]{1,2})?\\s*[。.；;，,]*\\s*$");
    private static final Set<String> EN_NOT_TERMS = Set.of("it", "this", "that", "these", "those", "there", "he", "she", "they", "we", "you",
            "i", "which", "what", "who", "here", "each", "every", "one", "all", "some", "nothing", "everything", "something", "its", "their",
            "our", "my", "his", "her", "such", "other", "another", "both", "either", "neither", "why", "how", "when", "where", "if", "so",
            "but", "and", "or", "because", "then", "also", "only", "now", "note", "tip", "warning", "example", "see", "output", "result", "no", "not",
            // quantities: "Thousands of sockets: …" counts things, it names none
            "thousands", "hundreds", "millions", "many", "most", "few", "several", "lots");
    private static final Pattern CODE = Pattern.compile(".*(?:[=;{}<>\\[\\]]|\\(.*\\)|\\bdef\\b|\\breturn\\b|\\bimport\\b|\\bprint\\b|=>|->|::|\\$\\s).*"
            + "|^(?:for|if|while|with|from|class|elif|else|try|except|lambda|yield|select|insert|update|delete)\\b.*");
    private static final Pattern NUMBER = Pattern.compile("^[\\d\\s.,%:：/年月日号个种类步次-]+$|^\\d.*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ORDINAL = Pattern.compile(
            "(?i)^(?:第[一二三四五六七八九十百\\d]{1,3}[次步个条点种类层级阶段轮部]?|step\\s*\\d{1,2}|phase\\s*\\d{1,2}|(?:first|second|third|fourth|fifth|sixth|last)(?:ly)?|\\d{1,2}(?:st|nd|rd|th))$");
    /** "O(n log n)", "Θ(n²)": a complexity class is a term, not a call. */
    private static final Pattern BIG_O = Pattern.compile("^[OΘΩo]\\([\\w\\s^²³*+.·]{1,12}\\)$");
    /** An auxiliary verb inside an English phrase makes it a clause ("A JWT has three parts"), not a name. */
    private static final Pattern EN_AUXILIARY = Pattern.compile("(?i)\\b(?:is|are|was|were|has|have|had|does|did|can|could|will|would|should|must)\\b");
    /**
     * Words that make an English phrase a clause when they stand after its first word: a conjunction or relative
     * ("Deadlock happens when all goroutines"), an article inside it ("useState returns a pair"), or a verb that
     * states something of the first words ("… returns …", "… happens …"). Only verbs that are never the plural noun
     * of a term's head ("calls", "reads", "writes", "sets" are: "system calls", "dirty reads", "sorted sets").
     */
    private static final Set<String> EN_CLAUSE_WORDS = Set.of("when", "if", "because", "while", "although", "unless", "since", "whereas",
            "that", "which", "who", "whose", "a", "an", "happens", "returns", "means", "lets", "allows", "provides", "contains", "causes",
            "depends", "becomes", "receives", "accepts", "creates", "makes", "takes", "gives", "keeps", "gets", "uses", "sends", "waits");
    /** "A common pattern", "The most common example": an article and a word of kind before a vague noun name nothing. */
    private static final Set<String> EN_VAGUE_MODIFIERS = Set.of("common", "most", "usual", "typical", "simple", "good", "best", "first",
            "main", "key", "other", "another", "important", "basic", "general", "classic", "easy", "quick", "nice", "great", "useful");
    private static final Set<String> EN_VAGUE_NOUNS = Set.of("pattern", "example", "way", "thing", "idea", "point", "case", "trick", "approach",
            "option", "part", "problem", "question", "reason", "answer", "result", "issue", "tip", "mistake", "use", "solution", "one");
    private static final Pattern DATE_OR_TIME = Pattern.compile("\\d{4}[-/.年]\\d{1,2}|\\d{1,2}:\\d{2}");
    private static final Pattern PUNCTUATION = Pattern.compile(".*[，。；！？,;!?、“”\"'《》].*");

    private Terms() {
    }

    /** Why {@code term} is no term, or null when it is one. */
    public static String rejection(String term) {
        String t = term == null ? "" : term.strip();
        if (Text.normalise(t).isEmpty() || t.length() > 40) {
            return "fragment";
        }
        if (t.indexOf(NoteDocument.MASK_START) >= 0 && t.length() > 20) {
            return "code";
        }
        // Each expression runs only when the term has what any match needs (most terms have none of it).
        if (mayBeCode(t) && CODE.matcher(t).matches() && !BIG_O.matcher(t).matches()) {
            return "code";
        }
        if (NUMBER_STARTS.indexOf(t.charAt(0)) >= 0 && NUMBER.matcher(t).matches()) {
            return "number";
        }
        if (ORDINAL_STARTS.indexOf(t.charAt(0)) >= 0 && ORDINAL.matcher(t).matches()) {
            return "ordinal"; // "第一次", "Step 2": the place of an entry, not a name
        }
        if (hasAny(t, DIGITS) && DATE_OR_TIME.matcher(t).find()) {
            return "date"; // "原创 2025-06-01 10": a page's by-line, never a term
        }
        if (hasAny(t, PUNCTUATION_CHARS) && PUNCTUATION.matcher(t).matches()) {
            return "fragment";
        }
        if (Text.hasHan(t)) {
            if (zhNotTerm(t)) {
                return "pronoun or fragment";
            }
            if (ZH_GENERIC.matcher(t).matches() || t.length() > 20 || ZH_VERBS.matcher(t).matches() || ZH_NOT_TERMS.contains(t)) {
                return "fragment";
            }
            return null;
        }
        String[] words = SPACES.split(t.toLowerCase(Locale.ROOT));
        // A keyword in capitals names a thing of its own: "WHERE clause", "IF EXISTS".
        boolean keyword = words.length > 1 && words[0].length() > 1 && t.length() > words[0].length() && t.substring(0, words[0].length()).equals(words[0].toUpperCase(Locale.ROOT));
        if (EN_NOT_TERMS.contains(words[0]) && !keyword || words.length > 5 || EN_RELATIONAL.contains(t.toLowerCase(Locale.ROOT))
                || words.length > 1 && EN_AUXILIARY.matcher(t).find()) {
            return "pronoun or fragment";
        }
        for (int i = 1; i < words.length; i++) {
            if (EN_CLAUSE_WORDS.contains(words[i])) {
                return "pronoun or fragment";
            }
        }
        int modifier = words[0].equals("a") || words[0].equals("an") || words[0].equals("the") ? 1 : 0;
        if (words.length > modifier + 1 && EN_VAGUE_MODIFIERS.contains(words[modifier]) && EN_VAGUE_NOUNS.contains(words[words.length - 1])) {
            return "vague";
        }
        if (words.length > 2 && (t.contains(" vs ") || t.contains(" vs. ") || t.contains(" versus "))) {
            return "comparison"; // "Union vs Optional: …" compares two names, it defines neither
        }
        return null;
    }

    /** The characters a match of {@link #NUMBER} can start with ({@code \\d}, {@code \\s} and the rest of its class). */
    private static final String NUMBER_STARTS = "0123456789 \t\n\u000B\f\r.,%:：/年月日号个种类步次-";
    /** The characters a match of {@link #ORDINAL} can start with (ASCII letters in either case: {@code (?i)}). */
    private static final String ORDINAL_STARTS = "第sSpPfFtTlL0123456789";
    private static final String DIGITS = "0123456789";
    /** The class of {@link #PUNCTUATION}: a match holds one of them. */
    private static final String PUNCTUATION_CHARS = "，。；！？,;!?、“”\"'《》";
    /** The characters one of {@link #CODE}'s symbol alternatives needs. */
    private static final String CODE_CHARS = "=;{}<>[]($:";

    /** What every match of {@link #CODE} has: a symbol of its alternatives, one of its words, or a keyword's first letter at the start. */
    private static boolean mayBeCode(String t) {
        return hasAny(t, CODE_CHARS) || t.contains("def") || t.contains("return") || t.contains("import") || t.contains("print")
                || "fiwcetlysud".indexOf(t.charAt(0)) >= 0;
    }

    private static boolean hasAny(String text, String chars) {
        return Text.indexOfAny(text, chars) >= 0;
    }

    private static boolean zhNotTerm(String t) {
        int n = t.length();
        for (String end : ZH_NOT_TERM_END_WORDS) {
            if (t.endsWith(end) && n > end.length()) {
                return true;
            }
        }
        if (n > 0 && ZH_NOT_TERM_ENDS.indexOf(t.charAt(n - 1)) >= 0 && !hasLineTerminator(t, n - 1)) {
            return true;
        }
        for (String start : ZH_NOT_TERM_STARTS) {
            if (t.startsWith(start) && !NAME_START.matcher(t).lookingAt()) {
                return !hasLineTerminator(t, n);
            }
        }
        return false;
    }

    /** A character Java's "." does not match among the first {@code to}: \n, \r, U+0085, U+2028, U+2029. */
    private static boolean hasLineTerminator(String text, int to) {
        for (int i = 0; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** The text is only a quantity (a number, perhaps with a unit): a value, never what a term means. */
    public static boolean isQuantity(String text) {
        return QUANTITY.matcher(text).matches();
    }

    public static boolean isTerm(String term) {
        return rejection(term) == null;
    }

    /** In Chinese text, {@code [start, end)} is made of whole words (the segmenter agrees); always true elsewhere. */
    public static boolean wholeWords(String text, int start, int end) {
        if (!Text.hasHan(text)) {
            return true;
        }
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), end + 40);
        return Segmenter.isWordSpan(text.substring(from, to), start - from, end - from);
    }
}
