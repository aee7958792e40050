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
                org.assertj.core.groups.Tuple.tuple("What is a deadlock?", "a state where each process waits for another to release a lock"));
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
        // The steps of another section are no distractors for backends: too few of the same kind, so no choice item.
        assertThat(of(items, "list-choice", ItemType.MULTIPLE_CHOICE)).noneMatch(i -> i.prompt().contains("后端"));
        String parallel = "# 引用计数\n\n## 优点\n\n- 实时回收对象\n- 实现比较简单\n- 暂停时间很短\n\n## 缺点\n\n- 无法处理循环引用\n- 维护计数有开销\n- 多线程下要加锁\n";
        QuizItem choice = of(items(parallel), "list-choice", ItemType.MULTIPLE_CHOICE).get(0);
        assertThat(choice.options()).hasSize(4).contains(choice.answers().get(0)).doesNotHaveDuplicates();
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

    @Test
    void englishListsComparisonsAndQuestionHeadings() {
        String note = "# Networking\n\n## What is a port?\n\nA port is a 16-bit number that names a process on a host.\n\n"
                + "## TCP vs UDP\n\n### TCP\n\n- Connection-oriented\n- Reliable\n- Ordered\n\n### UDP\n\n- Connectionless\n- Unreliable\n- Unordered\n";
        List<QuizItem> items = items(note);
        QuizItem question = of(items, "heading-question", ItemType.BASIC).get(0);
        assertThat(question.prompt()).isEqualTo("What is a port?");
        assertThat(question.answers()).containsExactly("a 16-bit number that names a process on a host");
        assertThat(question.headingPath()).containsExactly("Networking", "What is a port?");
        assertThat(question.startLine()).isEqualTo(3);
        assertThat(of(items, "list-recall", ItemType.BASIC)).extracting(QuizItem::prompt)
                .containsExactly("List the 3 items of \u201CTCP\u201D", "List the 3 items of \u201CUDP\u201D");
        List<QuizItem> tf = of(items, "sides", ItemType.TRUE_FALSE);
        assertThat(tf).hasSize(6);
        for (QuizItem item : tf) {
            boolean tcpEntry = List.of("Connection-oriented", "Reliable", "Ordered").stream().anyMatch(e -> item.prompt().contains("\u201C" + e + "\u201D"));
            boolean claimsTcp = item.prompt().endsWith("\u201CTCP\u201D.");
            assertThat(item.answers()).containsExactly(tcpEntry == claimsTcp ? "true" : "false");
        }
        QuizItem choice = of(items, "list-choice", ItemType.MULTIPLE_CHOICE).get(0);
        assertThat(choice.options()).hasSize(4).doesNotHaveDuplicates().containsOnlyOnce(choice.answers().get(0));
    }

    @Test
    void comparisonTablesGiveTrueFalseAndMatchingPerSide() {
        String note = "# 拷贝\n\n## 浅拷贝与深拷贝的区别\n\n| 对比项 | 浅拷贝 | 深拷贝 |\n|---|---|---|\n| 内层元素 | 共享 | 复制 |\n"
                + "| 速度 | 快 | 慢 |\n| 循环引用 | 不涉及 | 用 memo 处理 |\n";
        List<QuizItem> items = items(note);
        assertThat(of(items, "table-cell", ItemType.BASIC)).hasSize(6).extracting(QuizItem::prompt).contains("浅拷贝在「速度」上是怎样的？");
        List<QuizItem> tf = of(items, "table-sides", ItemType.TRUE_FALSE);
        assertThat(tf).hasSize(3).allSatisfy(i -> assertThat(i.options()).containsExactly("true", "false"));
        assertThat(of(items, "table-matching", ItemType.MATCHING)).extracting(QuizItem::prompt)
                .containsExactly("把浅拷贝在各方面的特点配对", "把深拷贝在各方面的特点配对");
        assertThat(of(items, "table-matching", ItemType.MATCHING).get(1).answers())
                .containsExactly("内层元素 → 复制", "速度 → 慢", "循环引用 → 用 memo 处理");
    }

    @Test
    void referenceTablesGiveChoicesWithDistractorsFromTheSameColumn() {
        String note = "# Index types\n\n| Index type | Good for |\n|---|---|\n| B-tree | ranges |\n| Hash | equality |\n| GIN | arrays |\n| BRIN | time series |\n";
        List<QuizItem> choices = of(items(note), "table-choice", ItemType.MULTIPLE_CHOICE);
        assertThat(choices).hasSize(4);
        for (QuizItem choice : choices) {
            assertThat(choice.options()).hasSize(4).containsExactlyInAnyOrder("B-tree", "Hash", "GIN", "BRIN");
        }
        assertThat(choices.get(0).prompt()).isEqualTo("Which index type? (Good for: \u201Cranges\u201D)");
        assertThat(choices.get(0).answers()).containsExactly("B-tree");
    }

    @Test
    void englishDefinitionVerbs() {
        List<QuizItem> items = items("# T\n\nno-store means the response must never be written to a cache.\n\n"
                + "Dirty pages are pages changed in memory but not yet written to disk.\n");
        assertThat(of(items, "definition", ItemType.BASIC)).extracting(QuizItem::prompt)
                .containsExactly("What does no-store mean?", "What are Dirty pages?");
        assertThat(of(items, "definition", ItemType.CLOZE)).extracting(QuizItem::prompt)
                .contains("[...] means the response must never be written to a cache.");
    }

    @Test
    void itemsAreDeterministicAcrossGeneratorsAndThreads() throws Exception {
        String note = SampleNotes.note(SampleNotes.files().get(0)).markdown();
        List<QuizItem> first = items(note);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<List<QuizItem>>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> generator.generate(new NoteInput("n1", note, List.of()))));
            }
            for (var future : futures) {
                assertThat(future.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static QuizItem item(ItemType type, String prompt, List<String> answers, List<String> options) {
        return new QuizItem("id", type, prompt, answers, options, null, List.of(), null, 1, 1, List.of(), Difficulty.EASY, "test");
    }
}
