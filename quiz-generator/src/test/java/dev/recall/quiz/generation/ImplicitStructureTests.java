package dev.recall.quiz.generation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImplicitStructureTests {

    private final Generator generator = new Generator();

    private List<QuizItem> items(String markdown) {
        return generator.generate(new NoteInput("n1", markdown, List.of()));
    }

    private static List<QuizItem> of(List<QuizItem> items, String generator, ItemType type) {
        return items.stream().filter(i -> i.generator().equals(generator) && i.type() == type).toList();
    }

    @Test
    void chineseAndEnglishDefinitions() {
        List<QuizItem> items = items("# 概念\n\n闭包是一个函数连同它引用的外层变量。\n\n**GIL**：全局解释器锁。\n\n"
                + "# Terms\n\nA deadlock is a state where each process waits for another to release a lock.\n");
        assertThat(of(items, "definition", ItemType.BASIC)).extracting(QuizItem::prompt, i -> i.answers().get(0)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("什么是闭包？", "一个函数连同它引用的外层变量"),
                org.assertj.core.groups.Tuple.tuple("什么是GIL？", "全局解释器锁"),
                org.assertj.core.groups.Tuple.tuple("What is deadlock?", "a state where each process waits for another to release a lock"));
        assertThat(of(items, "definition", ItemType.REVERSED)).extracting(i -> i.answers().get(0)).containsExactly("闭包", "GIL", "deadlock");
        assertThat(of(items, "definition", ItemType.CLOZE)).extracting(QuizItem::prompt)
                .contains("[...]是一个函数连同它引用的外层变量。");
    }

    @Test
    void pronounsAndGenericWordsAreNotTerms() {
        assertThat(items("这是一个很长的句子用来说明问题。\n\nIt is a long sentence about nothing much.\n\n解决办法是用默认参数。\n"))
                .noneMatch(i -> i.generator().equals("definition"));
    }

    @Test
    void stepsBecomeOrderingAndListsRecallAndChoice() {
        String note = "# DDP 训练步骤\n\n1. 初始化进程组\n2. 绑定 GPU\n3. 包装模型\n4. 训练\n\n# 后端\n\n- NCCL\n- Gloo\n- MPI\n";
        List<QuizItem> items = items(note);
        QuizItem ordering = of(items, "ordering", ItemType.ORDERING).get(0);
        assertThat(ordering.answers()).containsExactly("初始化进程组", "绑定 GPU", "包装模型", "训练");
        assertThat(ordering.options()).containsExactlyInAnyOrderElementsOf(ordering.answers()).isNotEqualTo(ordering.answers());
        assertThat(of(items, "list-recall", ItemType.BASIC)).extracting(QuizItem::prompt).contains("列出「后端」（共 3 项）");
        QuizItem choice = of(items, "list-choice", ItemType.MULTIPLE_CHOICE).stream()
                .filter(i -> i.prompt().contains("后端")).findFirst().orElseThrow();
        assertThat(choice.options()).hasSize(4).contains(choice.answers().get(0)).doesNotHaveDuplicates();
        assertThat(choice.options().stream().filter(o -> List.of("NCCL", "Gloo", "MPI").contains(o))).hasSize(1);
    }

    @Test
    void prosAndConsBecomeTrueFalseBySwappingSides() {
        String note = "# 引用计数\n\n## 优点\n\n- 实时回收\n- 实现简单\n\n## 缺点\n\n- 无法处理循环引用\n- 维护计数有开销\n";
        List<QuizItem> tf = of(items(note), "sides", ItemType.TRUE_FALSE);
        assertThat(tf).hasSize(4);
        for (QuizItem item : tf) {
            boolean isPro = item.prompt().contains("实时回收") || item.prompt().contains("实现简单");
            boolean claimsPro = item.prompt().contains("属于「引用计数的优点」");
            assertThat(item.answers()).containsExactly(isPro == claimsPro ? "true" : "false");
        }
    }

    @Test
    void tablesGiveCellQuestionsAndMatching() {
        String note = "# 后端\n\n| 后端 | 适用设备 |\n|---|---|\n| NCCL | GPU |\n| Gloo | CPU |\n| MPI | 集群 |\n";
        List<QuizItem> items = items(note);
        assertThat(of(items, "table-cell", ItemType.BASIC)).extracting(QuizItem::prompt, i -> i.answers().get(0)).contains(
                org.assertj.core.groups.Tuple.tuple("NCCL 的适用设备是什么？", "GPU"));
        QuizItem matching = of(items, "table-matching", ItemType.MATCHING).get(0);
        assertThat(matching.answers()).containsExactly("NCCL → GPU", "Gloo → CPU", "MPI → 集群");
        assertThat(matching.options()).containsExactlyInAnyOrder("GPU", "CPU", "集群");
    }

    @Test
    void codeClozesIdentifiersTheProseNamesAndAsksForStatedOutput() {
        String note = "# 装饰器\n\n用 `functools.wraps` 保留元信息。\n\n```python\n@functools.wraps(func)\ndef wrapper():\n    print(1 + 1)\n```\n\n输出：`2`\n";
        List<QuizItem> items = items(note);
        QuizItem cloze = of(items, "code-cloze", ItemType.CLOZE).get(0);
        assertThat(cloze.answers()).containsExactly("functools.wraps");
        assertThat(cloze.prompt()).contains("@____(func)").doesNotContain("functools.wraps");
        assertThat(of(items, "code-output", ItemType.BASIC).get(0).answers()).containsExactly("2");
        assertThat(items("```python\nprint(3)\n```\n")).isEmpty();
    }

    @Test
    void qualityGateDropsLeaksEmptyAndDuplicates() {
        assertThat(QualityGate.acceptable(item(ItemType.BASIC, "What is nonlocal? nonlocal", List.of("nonlocal"), null))).isFalse();
        assertThat(QualityGate.acceptable(item(ItemType.BASIC, " ", List.of("x"), null))).isFalse();
        assertThat(QualityGate.acceptable(item(ItemType.BASIC, "Q?", List.of("x".repeat(2000)), null))).isFalse();
        assertThat(QualityGate.acceptable(item(ItemType.MULTIPLE_CHOICE, "Which?", List.of("a"), List.of("a", "b", "b")))).isFalse();
        assertThat(QualityGate.acceptable(item(ItemType.MULTIPLE_CHOICE, "Which?", List.of("a"), List.of("c", "b", "d")))).isFalse();
        assertThat(QualityGate.acceptable(item(ItemType.MULTIPLE_CHOICE, "Which?", List.of("a"), List.of("c", "a", "b")))).isTrue();
        assertThat(items("A?::x\nA?::y\n")).hasSize(1);
    }

    private static QuizItem item(ItemType type, String prompt, List<String> answers, List<String> options) {
        return new QuizItem("id", type, prompt, answers, options, null, List.of(), 1, 1, List.of(), Difficulty.EASY, "test");
    }
}
