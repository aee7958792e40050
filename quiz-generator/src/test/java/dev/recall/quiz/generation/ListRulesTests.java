package dev.recall.quiz.generation;

import dev.recall.quiz.generation.rules.ListChoiceRule;
import dev.recall.quiz.generation.rules.ListFacts;
import dev.recall.quiz.generation.rules.ListRule;
import dev.recall.quiz.generation.rules.SidesRule;
import dev.recall.quiz.generation.rules.Terms;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ListRule (recall, ordering, entries' definitions), ListChoiceRule (sibling distractors), SidesRule (pros/cons, A vs B). */
class ListRulesTests {

    @Nested
    class Recall {
        @Test
        void chineseListUnderItsIntroGivesARecallCardCountingItsEntries() {
            RuleFixture note = new RuleFixture("# 缓存\n\n常见的淘汰策略：\n\n- LRU\n- LFU\n- FIFO\n");
            List<ListFacts> lists = new ArrayList<>();
            List<QuizItem> items = ListRule.items(note.ctx("缓存"), note.block("缓存", 1), note.block("缓存", 0), lists);
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item.prompt()).isEqualTo("列出「常见的淘汰策略」（共 3 项）");
                assertThat(item.answers()).containsExactly("LRU\nLFU\nFIFO");
                assertThat(item.type()).isEqualTo(ItemType.BASIC);
            });
            assertThat(lists).singleElement().extracting(ListFacts::topic).isEqualTo("常见的淘汰策略");
        }

        @Test
        void anIntroNamesItsListWithoutItsVerbAndAFewRulesAloneAreRecalled() {
            RuleFixture note = new RuleFixture("# Dockerfile\n\n常用指令有以下几种：\n\n- FROM 镜像\n- RUN 命令\n- COPY 文件\n\n"
                    + "# Closing channels\n\n- Only the sender should close a channel, never the receiver.\n- Sending on a closed channel panics.\n"
                    + "- Receiving from a closed channel returns the zero value immediately, with ok set to false.\n\n"
                    + "# Notes\n\nSome text first.\n\n- Only the sender should close a channel, never the receiver.\n- Sending on a closed channel panics.\n"
                    + "- Receiving from a closed channel returns the zero value immediately, with ok set to false.\n");
            assertThat(ListRule.items(note.ctx("Dockerfile"), note.block("Dockerfile", 1), note.block("Dockerfile", 0), new ArrayList<>()))
                    .singleElement().satisfies(i -> assertThat(i.prompt()).isEqualTo("列出「常用指令」（共 3 项）"));
            assertThat(ListRule.items(note.ctx("Closing channels"), note.block("Closing channels", 0), null, new ArrayList<>()))
                    .singleElement().satisfies(i -> assertThat(i.prompt()).contains("Closing channels").contains("3"));
            // Beside other content such long entries are no card of their own.
            assertThat(ListRule.items(note.ctx("Notes"), note.block("Notes", 1), note.block("Notes", 0), new ArrayList<>())).isEmpty();
        }

        @Test
        void stepWordsAreStrippedAlikeAndAChainsLeadInIsNoStep() {
            RuleFixture note = new RuleFixture("# N+1\n\n1. First load the parent rows.\n2. Then collect their foreign keys.\n3. Finally load all children in one query.\n\n"
                    + "# DNS\n\nThe lookup goes Pod → CoreDNS → Service → Endpoint\n");
            QuizItem ordering = ListRule.items(note.ctx("N+1"), note.block("N+1", 0), null, new ArrayList<>()).stream()
                    .filter(i -> i.type() == ItemType.ORDERING).findFirst().orElseThrow();
            assertThat(ordering.answers()).containsExactly("load the parent rows.", "collect their foreign keys.", "load all children in one query.");
            assertThat(dev.recall.quiz.generation.rules.ProcessRule.items(note.ctx("DNS"), note.block("DNS", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("Pod", "CoreDNS", "Service", "Endpoint"));
        }

        @Test
        void englishStepsGiveAnOrderingWhoseOptionsAreNotInTheRightOrder() {
            RuleFixture note = new RuleFixture("# Deploy steps\n\n1. Build the image\n2. Push it to the registry\n3. Roll out the deployment\n");
            List<QuizItem> items = ListRule.items(note.ctx("Deploy steps"), note.block("Deploy steps", 0), null, new ArrayList<>());
            QuizItem ordering = items.stream().filter(i -> i.type() == ItemType.ORDERING).findFirst().orElseThrow();
            assertThat(ordering.prompt()).isEqualTo("Put in the right order: Deploy steps");
            assertThat(ordering.answers()).containsExactly("Build the image", "Push it to the registry", "Roll out the deployment");
            assertThat(ordering.options()).containsExactlyInAnyOrderElementsOf(ordering.answers()).isNotEqualTo(ordering.answers());
        }

        @Test
        void aListOfDefinitionsGivesDefinitionsNotARecallCard() {
            RuleFixture note = new RuleFixture("# Terms\n\n- Latency: the time one request takes\n- Throughput: requests served per second\n");
            List<QuizItem> items = ListRule.items(note.ctx("Terms"), note.block("Terms", 0), null, new ArrayList<>());
            assertThat(items).isNotEmpty().allMatch(i -> i.generator().equals("definition"));
        }
    }

    @Nested
    class Choice {
        private final String note = "# 引用计数\n\n## 优点\n\n- 实现简单\n- 回收及时\n- 暂停时间短\n\n## 缺点\n\n- 无法处理循环引用\n- 计数开销大\n- 多线程要加锁\n";

        private List<ListFacts> lists(RuleFixture fixture) {
            List<ListFacts> lists = new ArrayList<>();
            ListRule.items(fixture.ctx("优点"), fixture.block("优点", 0), null, lists);
            ListRule.items(fixture.ctx("缺点"), fixture.block("缺点", 0), null, lists);
            return lists;
        }

        @Test
        void distractorsComeFromTheSiblingAspect() {
            RuleFixture fixture = new RuleFixture(note);
            List<QuizItem> items = ListChoiceRule.items(lists(fixture), fixture.factory);
            assertThat(items).hasSize(2);
            QuizItem pros = items.get(0);
            assertThat(pros.prompt()).isEqualTo("以下哪一项属于「引用计数的优点」？");
            assertThat(pros.answers()).singleElement().isIn("实现简单", "回收及时", "暂停时间短");
            assertThat(pros.options()).hasSize(4).contains(pros.answers().get(0))
                    .filteredOn(o -> !o.equals(pros.answers().get(0))).allMatch(o -> List.of("无法处理循环引用", "计数开销大", "多线程要加锁").contains(o));
        }

        @Test
        void unrelatedSectionsLendNoDistractors() {
            RuleFixture fixture = new RuleFixture("# Tools\n\n- git\n- make\n- curl\n\n# Fruit\n\n- apple\n- pear\n- plum\n");
            List<ListFacts> lists = new ArrayList<>();
            ListRule.items(fixture.ctx("Tools"), fixture.block("Tools", 0), null, lists);
            ListRule.items(fixture.ctx("Fruit"), fixture.block("Fruit", 0), null, lists);
            assertThat(ListChoiceRule.items(lists, fixture.factory)).isEmpty();
        }
    }

    @Nested
    class Sides {
        @Test
        void prosAndConsGiveATrueFalsePerEntryHalfOfThemOnTheWrongSide() {
            RuleFixture fixture = new RuleFixture("# Connection pools\n\n## Advantages\n\n- fewer handshakes\n- bounded load\n- faster first query\n"
                    + "- shared sockets\n\n## Disadvantages\n\n- stale connections\n- harder to debug\n- more memory\n- tuning needed\n");
            List<ListFacts> lists = new ArrayList<>();
            ListRule.items(fixture.ctx("Advantages"), fixture.block("Advantages", 0), null, lists);
            ListRule.items(fixture.ctx("Disadvantages"), fixture.block("Disadvantages", 0), null, lists);
            List<QuizItem> items = SidesRule.items(lists, fixture.factory);
            assertThat(items).hasSize(8).allMatch(i -> i.type() == ItemType.TRUE_FALSE);
            for (QuizItem item : items) {
                boolean pro = item.prompt().contains("fewer handshakes") || item.prompt().contains("bounded load")
                        || item.prompt().contains("faster first query") || item.prompt().contains("shared sockets");
                boolean claimsPro = item.prompt().endsWith("\u201CAdvantages of Connection pools\u201D.");
                assertThat(item.prompt()).startsWith("True or false: \u201C");
                assertThat(item.answers()).containsExactly(pro == claimsPro ? "true" : "false");
            }
            assertThat(items).extracting(i -> i.answers().get(0)).contains("true", "false");
        }

        @Test
        void chineseVersusSectionsAreSides() {
            RuleFixture fixture = new RuleFixture("# 进程与线程的区别\n\n## 进程\n\n- 独立地址空间\n- 切换开销大\n\n## 线程\n\n- 共享地址空间\n- 切换开销小\n");
            List<ListFacts> lists = new ArrayList<>();
            ListRule.items(fixture.ctx("进程"), fixture.block("进程", 0), null, lists);
            ListRule.items(fixture.ctx("线程"), fixture.block("线程", 0), null, lists);
            List<QuizItem> items = SidesRule.items(lists, fixture.factory);
            assertThat(items).hasSize(4);
            assertThat(items).allSatisfy(i -> assertThat(i.prompt()).matches("判断：「.+」属于「(进程|线程)」。"));
            assertThat(items.stream().filter(i -> i.prompt().contains("独立地址空间")).findFirst().orElseThrow().answers())
                    .containsExactly(items.stream().filter(i -> i.prompt().contains("独立地址空间")).findFirst().orElseThrow().prompt().endsWith("「进程」。") ? "true" : "false");
        }

        @Test
        void twoUnrelatedListsAreNoSides() {
            RuleFixture fixture = new RuleFixture("# Shell\n\n## Commands\n\n- ls\n- cd\n\n## Flags\n\n- -l\n- -a\n");
            List<ListFacts> lists = new ArrayList<>();
            ListRule.items(fixture.ctx("Commands"), fixture.block("Commands", 0), null, lists);
            ListRule.items(fixture.ctx("Flags"), fixture.block("Flags", 0), null, lists);
            assertThat(SidesRule.items(lists, fixture.factory)).isEmpty();
        }
    }

    @Test
    void entriesThatOpenWithTheirPlaceAreStepsWithoutTheirPlaces() {
        RuleFixture note = new RuleFixture("网络\n\nTCP 三次握手\n● 第一次：客户端发送 SYN 报文\n● 第二次：服务端回复 SYN+ACK 报文\n● 第三次：客户端发送 ACK 报文\n");
        List<QuizItem> items = ListRule.items(note.ctx("TCP 三次握手"), note.block("TCP 三次握手", 0), null,
                new ArrayList<>());
        assertThat(items).filteredOn(i -> i.type() == ItemType.ORDERING).singleElement()
                .satisfies(i -> assertThat(i.answers()).containsExactly("客户端发送 SYN 报文", "服务端回复 SYN+ACK 报文", "客户端发送 ACK 报文"));
        assertThat(items).noneMatch(i -> i.prompt().contains("什么是第一次"));
        assertThat(Terms.rejection("第二次")).isEqualTo("ordinal");
        assertThat(Terms.rejection("Step 3")).isEqualTo("ordinal");
    }
}
