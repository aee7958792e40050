package dev.recall.quiz.generation.rules;

/** The few sentences rules put around facts, in Chinese and English: one table, so wording stays consistent. */
public enum Wording {
    ZH("判断：%s", "为什么%s？", "按正确顺序排列：%s", "%s包括哪些？", "%s和%s在「%s」上有什么区别？", "填空：%s", "这段代码输出什么？",
            "填空：补全代码中缺少的%s", "以下哪一项属于「%s」？"),
    EN("True or false: %s", "Why %s?", "Put in the right order: %s", "What are the parts of %s?", "How do %s and %s differ in %s?",
            "Fill in the blanks: %s", "What does this code print?", "Fill in the missing %s", "Which of these belongs to \u201C%s\u201D?");

    private final String trueFalse;
    private final String why;
    private final String order;
    private final String enumerate;
    private final String compare;
    private final String pair;
    private final String output;
    private final String missing;
    private final String belongs;

    Wording(String trueFalse, String why, String order, String enumerate, String compare, String pair, String output, String missing,
            String belongs) {
        this.trueFalse = trueFalse;
        this.why = why;
        this.order = order;
        this.enumerate = enumerate;
        this.compare = compare;
        this.pair = pair;
        this.output = output;
        this.missing = missing;
        this.belongs = belongs;
    }

    public static Wording of(boolean zh) {
        return zh ? ZH : EN;
    }

    public String trueFalse(String statement) {
        return trueFalse.formatted(statement);
    }

    public String why(String effect) {
        return why.formatted(effect);
    }

    public String order(String topic) {
        return order.formatted(topic);
    }

    public String enumerate(String whole) {
        return enumerate.formatted(whole);
    }

    public String compare(String a, String b, String aspect) {
        return compare.formatted(a, b, aspect);
    }

    public String pair(String clozed) {
        return pair.formatted(clozed);
    }

    public String output() {
        return output;
    }

    public String missing(String what) {
        return missing.formatted(what);
    }

    public String belongs(String list) {
        return belongs.formatted(list);
    }

    // Lists, tables and code: phrasing that also spaces a Latin term before Chinese or lowers an English label.

    public String listRecall(String list, int count) {
        return this == ZH ? "列出「" + list + "」（共 " + count + " 项）" : "List the " + count + " items of \u201C" + list + "\u201D";
    }

    /** "「entry」属于「list」" / "“entry” belongs to “list”" (no full stop: see {@link #fullStop}). */
    public String belongsTo(String entry, String list) {
        return this == ZH ? "「" + entry + "」属于「" + list + "」" : "\u201C" + entry + "\u201D belongs to \u201C" + list + "\u201D";
    }

    public String fullStop() {
        return this == ZH ? "。" : ".";
    }

    public String tableCell(String keyName, String key, String valueName) {
        return this == ZH ? spaced(key) + "的" + valueName + "是什么？"
                : keyName + " \u201C" + key + "\u201D \u2014 " + lower(valueName) + "?";
    }

    public String tableChoice(String keyName, String valueName, String value) {
        return this == ZH ? "哪个" + keyName + "的" + valueName + "是「" + value + "」？"
                : "Which " + lower(keyName) + "? (" + valueName + ": \u201C" + value + "\u201D)";
    }

    public String tableMatching(String keyName, String valueName) {
        return this == ZH ? "把每个「" + keyName + "」与它的「" + valueName + "」配对"
                : "Match each " + lower(keyName) + " to its \u201C" + valueName + "\u201D";
    }

    public String tableCompare(String subject, String aspect) {
        return this == ZH ? spaced(subject) + "在「" + aspect + "」上是怎样的？" : "How does " + subject + " compare on " + lower(aspect) + "?";
    }

    /** The claim of a comparison table's true/false item, to be put in {@link #trueFalse}. */
    public String tableClaim(String aspect, String side, String value) {
        return this == ZH ? "在「" + aspect + "」上，" + spaced(side) + "是「" + value + "」。"
                : "on " + lower(aspect) + ", " + side + " is \u201C" + value + "\u201D.";
    }

    public String sideMatching(String aspects, String side) {
        return this == ZH ? "把" + (side.charAt(0) < 0x2E80 ? " " : "") + spaced(side) + "在各方面的特点配对"
                : "Match each " + (aspects.isBlank() ? "aspect" : lower(aspects)) + " with how " + side + " does it";
    }

    /** The command(s) a section heading names the task of ("查看证书" → its openssl line). */
    public String command(String task) {
        return this == ZH ? "「" + task + "」用什么命令？" : "Which command for \u201C" + task + "\u201D?";
    }

    /** A code block with a blank for the learner to fill. */
    public String codeBlank(String fencedCode) {
        return (this == ZH ? "填空：\n" : "Fill in the blank:\n") + fencedCode;
    }

    /** A term before Chinese text: a space after Latin letters, digits or code, none after Chinese. */
    static String spaced(String term) {
        return term.isEmpty() || term.charAt(term.length() - 1) >= 0x2E80 ? term : term + " ";
    }

    private static String lower(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
