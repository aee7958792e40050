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
}
