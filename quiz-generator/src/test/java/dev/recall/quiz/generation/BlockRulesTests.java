package dev.recall.quiz.generation;

import dev.recall.quiz.generation.rules.ActionRule;
import dev.recall.quiz.generation.rules.CauseRule;
import dev.recall.quiz.generation.rules.CodeKeywordRule;
import dev.recall.quiz.generation.rules.CodeNameRule;
import dev.recall.quiz.generation.rules.CodeOutputRule;
import dev.recall.quiz.generation.rules.CommandRule;
import dev.recall.quiz.generation.rules.ComparisonRule;
import dev.recall.quiz.generation.rules.DefinitionRule;
import dev.recall.quiz.generation.rules.EnumerationRule;
import dev.recall.quiz.generation.rules.HeadingQuestionRule;
import dev.recall.quiz.generation.rules.KeyFactRule;
import dev.recall.quiz.generation.rules.ListRule;
import dev.recall.quiz.generation.rules.PairRule;
import dev.recall.quiz.generation.rules.ProcessRule;
import dev.recall.quiz.generation.rules.QuestionAnswerRule;
import dev.recall.quiz.generation.rules.TableRule;
import dev.recall.quiz.generation.rules.TrendRule;
import dev.recall.quiz.generation.rules.Terms;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule at a time on one block of a note written for the test, in Chinese and English. */
class BlockRulesTests {

    @Nested
    class Commands {
        private static final String NOTE = """
                TLS 证书笔记

                证书链
                证书链是从站点证书到根证书的一串签名。

                查看证书
                openssl x509 -in server.crt -text -noout
                openssl s_client -connect example.com:443 -showcerts

                生成私钥
                openssl genrsa -out server.key 2048
                """;

        @Test
        void aSectionOfOnlyCommandsAsksForThemByItsHeading() {
            RuleFixture note = new RuleFixture(NOTE);
            List<QuizItem> items = CommandRule.items(note.ctx("查看证书"), note.section("查看证书").blocks());
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item.prompt()).isEqualTo("「查看证书」用什么命令？");
                assertThat(item.answers()).containsExactly("openssl x509 -in server.crt -text -noout\nopenssl s_client -connect example.com:443 -showcerts");
                assertThat(item.startLine()).isEqualTo(7);
                assertThat(item.endLine()).isEqualTo(8);
            });
        }

        @Test
        void theGeneratorGivesEveryCommandSectionAnItemAndProseSectionsNone() {
            List<QuizItem> items = new Generator().generate(new NoteInput("n", NOTE, List.of()));
            assertThat(items).filteredOn(i -> i.generator().equals("command")).extracting(QuizItem::prompt)
                    .containsExactly("「查看证书」用什么命令？", "「生成私钥」用什么命令？");
            RuleFixture english = new RuleFixture("# Keys\n\n```bash\nssh-keygen -t ed25519 -C me@example.com\n```\n");
            assertThat(CommandRule.items(english.ctx("Keys"), english.section("Keys").blocks())).extracting(QuizItem::prompt)
                    .containsExactly("Which command for \u201CKeys\u201D?");
            RuleFixture prose = new RuleFixture(NOTE);
            assertThat(CommandRule.items(prose.ctx("证书链"), prose.section("证书链").blocks())).isEmpty();
        }
    }

    @Nested
    class KeyFacts {
        @Test
        void aSectionNoRuleReadsGetsAClozeOnItsMostSpecificSpan() {
            RuleFixture note = new RuleFixture("# Free threading\n\nPEP 703 makes the lock optional in later releases.\n\n"
                    + "# 扩容\n\n扩容时元素要么留在原位置，要么移动到新的位置上。\n\n# Plain\n\nit was fine and then it went on like that.\n");
            assertThat(KeyFactRule.items(note.ctx("Free threading"), note.section("Free threading").blocks())).singleElement().satisfies(i -> {
                assertThat(i.type()).isEqualTo(ItemType.CLOZE);
                assertThat(i.prompt()).isEqualTo("[...] makes the lock optional in later releases.");
                assertThat(i.answers()).containsExactly("PEP 703");
            });
            assertThat(KeyFactRule.items(note.ctx("扩容"), note.section("扩容").blocks())).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("扩容"));
            assertThat(KeyFactRule.items(note.ctx("Plain"), note.section("Plain").blocks())).isEmpty(); // nothing specific: no item
        }

        @Test
        void aSectionOfCodeAloneGetsItsMostSpecificCallBlanked() {
            RuleFixture note = new RuleFixture("# Code\n\n```python\nimport torch.distributed as dist\ndist.init_process_group(\"nccl\")\nprint(x)\n```\n");
            assertThat(KeyFactRule.items(note.ctx("Code"), note.section("Code").blocks())).singleElement().satisfies(i -> {
                assertThat(i.answers()).containsExactly("init_process_group");
                assertThat(i.prompt()).contains("dist.____(\"nccl\")").doesNotContain("init_process_group");
            });
            assertThat(KeyFactRule.specificCall("print(x)\nlen(y)")).isNull(); // builtins say nothing
        }

        @Test
        void theWholeHeadingIsBlankedBeforeAPartOfIt() {
            RuleFixture note = new RuleFixture("# 标记-清除\n\n标记-清除算法用来解决循环引用的问题。\n");
            assertThat(KeyFactRule.items(note.ctx("标记-清除"), note.section("标记-清除").blocks())).singleElement()
                    .satisfies(i -> assertThat(i.prompt()).isEqualTo("[...]算法用来解决循环引用的问题。"));
        }

        @Test
        void anEnglishSubjectIsBlankedAndANumberInsideParenthesesNever() {
            RuleFixture note = new RuleFixture("# Intro\n\nBinary search halves the search range on every step.\n\n"
                    + "# Rules\n\nit ignores constant factors, so O(2n) is written as O(n).\n");
            assertThat(KeyFactRule.items(note.ctx("Intro"), note.section("Intro").blocks())).singleElement()
                    .satisfies(i -> assertThat(i.prompt()).isEqualTo("[...] halves the search range on every step."));
            assertThat(KeyFactRule.items(note.ctx("Rules"), note.section("Rules").blocks())).isEmpty();
        }

        @Test
        void theGeneratorUsesItOnlyForASectionWithoutItems() {
            String note = "# GIL\n\nThe Global Interpreter Lock (GIL) is a mutex that lets one thread run at a time.\n\n"
                    + "## Free threading\n\nPEP 703 makes the lock optional. Python 3.13 ships a build without it.\n";
            List<QuizItem> items = new Generator().generate(new NoteInput("n", note, List.of()));
            assertThat(items).filteredOn(i -> i.generator().equals("key-fact")).singleElement()
                    .satisfies(i -> assertThat(i.headingPath()).containsExactly("GIL", "Free threading"));
            assertThat(items).filteredOn(i -> i.headingPath().equals(List.of("GIL"))).noneMatch(i -> i.generator().equals("key-fact"));
        }
    }

    @Nested
    class Tables {
        @Test
        void referenceTableGivesACellQuestionPerRowAChoiceTheOtherWayAndAMatching() {
            RuleFixture note = new RuleFixture("# 端口\n\n| 协议 | 端口 |\n|---|---|\n| HTTP | 80 |\n| HTTPS | 443 |\n| SSH | 22 |\n");
            List<QuizItem> items = TableRule.items(note.ctx("端口"), note.block("端口", 0));
            assertThat(items).filteredOn(i -> i.generator().equals("table-cell")).extracting(QuizItem::prompt)
                    .containsExactly("HTTP 的端口是什么？", "HTTPS 的端口是什么？", "SSH 的端口是什么？");
            QuizItem choice = items.stream().filter(i -> i.generator().equals("table-choice") && i.answers().equals(List.of("SSH"))).findFirst().orElseThrow();
            assertThat(choice.prompt()).isEqualTo("哪个协议的端口是「22」？");
            assertThat(choice.options()).containsExactlyInAnyOrder("HTTP", "HTTPS", "SSH");
            assertThat(items).filteredOn(i -> i.type() == ItemType.MATCHING).singleElement()
                    .satisfies(m -> assertThat(m.answers()).containsExactly("HTTP → 80", "HTTPS → 443", "SSH → 22"));
        }

        @Test
        void comparisonTableGivesCellsPerSideAndTrueFalseClaims() {
            RuleFixture note = new RuleFixture("# TCP vs UDP\n\n| Aspect | TCP | UDP |\n|---|---|---|\n| Connection | required | none |\n"
                    + "| Ordering | guaranteed | not guaranteed |\n| Speed | slower | faster |\n");
            List<QuizItem> items = TableRule.items(note.ctx("TCP vs UDP"), note.block("TCP vs UDP", 0));
            assertThat(RuleFixture.prompts(items)).contains("How does TCP compare on connection?", "How does UDP compare on speed?");
            List<QuizItem> claims = items.stream().filter(i -> i.type() == ItemType.TRUE_FALSE).toList();
            assertThat(claims).hasSize(3).allSatisfy(c -> assertThat(c.prompt()).startsWith("True or false: on "));
            for (QuizItem claim : claims) {
                boolean right = List.of("connection, TCP is \u201Crequired\u201D", "connection, UDP is \u201Cnone\u201D", "ordering, TCP is \u201Cguaranteed\u201D",
                        "ordering, UDP is \u201Cnot guaranteed\u201D", "speed, TCP is \u201Cslower\u201D", "speed, UDP is \u201Cfaster\u201D").stream()
                        .anyMatch(fact -> claim.prompt().contains(fact));
                assertThat(claim.answers()).containsExactly(right ? "true" : "false");
            }
        }

        @Test
        void aTwoRowTableGivesNothing() {
            RuleFixture note = new RuleFixture("# T\n\n| a | b |\n|---|---|\n| x | y |\n");
            assertThat(TableRule.items(note.ctx("T"), note.block("T", 0))).isEmpty();
        }
    }

    @Nested
    class Code {
        private final String python = "# 装饰器\n\n用 `functools.wraps` 保留原函数的名字。\n\n```python\nimport functools\n\ndef log(f):\n"
                + "    @functools.wraps(f)\n    def inner(*args):\n        return f(*args)\n    return inner\n\nprint(log(len).__name__)\n```\n\n输出：`len`\n";

        @Test
        void anIdentifierTheProseNamesIsBlankedAsAWholeWord() {
            RuleFixture note = new RuleFixture(python);
            List<QuizItem> items = CodeNameRule.items(note.ctx("装饰器"), note.block("装饰器", 1),
                    CodeNameRule.mentionedIdentifiers(note.doc, note.section("装饰器").blocks()));
            // Names the prose writes as code, in their order: functools.wraps, then len (named by the output line).
            assertThat(items).extracting(i -> i.answers().get(0)).containsExactly("functools.wraps", "len");
            assertThat(items.get(0).prompt()).startsWith("填空：\n```python\n").contains("@____(f)").contains("import functools\n").contains("*args")
                    .doesNotContain("wraps");
        }

        @Test
        void theOutputTheNoteStatesIsAsked() {
            RuleFixture note = new RuleFixture(python);
            List<QuizItem> items = CodeOutputRule.items(note.ctx("装饰器"), note.block("装饰器", 1), List.of(note.block("装饰器", 2)));
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item.prompt()).startsWith("这段代码输出什么？\n```python\n");
                assertThat(item.answers()).containsExactly("len");
            });
        }

        @Test
        void noStatedOutputNoQuestion() {
            RuleFixture note = new RuleFixture("# Loop\n\n```python\nfor i in range(3):\n    print(i)\n```\n\nThis loops three times.\n");
            assertThat(CodeOutputRule.items(note.ctx("Loop"), note.block("Loop", 0), List.of(note.block("Loop", 1)))).isEmpty();
        }

        @Test
        void keywordRuleBlanksNoWordThatOnlyAStringOrACommentSpells() {
            RuleFixture note = new RuleFixture("# Hints\n\nGreeting returns Hello and the Name, see Counter.\n\n```python\n"
                    + "def greet(name: str) -> str:\n    # Counter is not used here\n    return f\"Hello {name}\"\n```\n");
            assertThat(CodeKeywordRule.items(note.ctx("Hints"), note.block("Hints", 1))).noneSatisfy(i -> assertThat(i.answers()).containsAnyOf("Hello", "Counter"));
            assertThat(CodeKeywordRule.withoutLiteralsAndComments("x = 'it''s' # note\ny = \"a\\\"b\" // c", "python"))
                    .isEqualTo("x = '  '' '       \ny = \"    \" // c");
        }

        @Test
        void keywordRuleNeverBlanksABracketOrOperator() {
            RuleFixture note = new RuleFixture("# Generators\n\nA generator function uses `yield` to hand out values.\n\n```python\ndef count(n):\n"
                    + "    i = 0\n    while i < n:\n        yield i\n        i += 1\n```\n");
            List<QuizItem> items = CodeKeywordRule.items(note.ctx("Generators"), note.block("Generators", 1));
            assertThat(items).isNotEmpty().allSatisfy(i -> assertThat(i.answers()).allMatch(a -> a.matches("[A-Za-z_@][\\w.]*")));
            assertThat(items).anySatisfy(i -> assertThat(i.answers()).contains("yield"));
        }
    }

    @Nested
    class Sentences {
        @Test
        void headingQuestionIsAnsweredByTheFirstSentencesWithoutRepeatingTheTerm() {
            RuleFixture note = new RuleFixture("# 什么是索引？\n\n索引是帮助数据库快速定位行的数据结构。它需要额外的空间。\n\n# Why pool connections\n\n"
                    + "Opening a connection costs a TLS handshake. A pool reuses them.\n");
            assertThat(HeadingQuestionRule.items(note.ctx("什么是索引？"), note.block("什么是索引？", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("什么是索引？");
                assertThat(i.answers().get(0)).startsWith("帮助数据库快速定位行的数据结构");
            });
            assertThat(HeadingQuestionRule.asks("Why pool connections")).isTrue();
            assertThat(HeadingQuestionRule.asks("Connection pools")).isFalse();
            assertThat(HeadingQuestionRule.items(note.ctx("Why pool connections"), note.block("Why pool connections", 0)))
                    .singleElement().extracting(QuizItem::prompt).isEqualTo("Why pool connections?");
        }

        @Test
        void definitionsInBothLanguagesAndNoneFromAFunctionWord() {
            assertThat(DefinitionRule.find("死锁是两个线程互相等待对方释放锁的状态。", true)).singleElement()
                    .satisfies(d -> assertThat(d.term()).isEqualTo("死锁"));
            assertThat(DefinitionRule.find("A mutex is a lock that only one thread can hold at a time.", true)).singleElement()
                    .satisfies(d -> assertThat(d.term()).isEqualTo("mutex"));
            assertThat(DefinitionRule.find("但是这样做会让代码变慢很多。", true)).isEmpty();
            assertThat(DefinitionRule.find("for i in range(3): print(i)", true)).isEmpty();
        }

        @Test
        void anEnglishTermWithItsAbbreviationIsADefinitionAndTheAbbreviationIsAsked() {
            assertThat(DefinitionRule.find("The Global Interpreter Lock (GIL) is a mutex that lets one thread run bytecode at a time.", true))
                    .singleElement().satisfies(d -> {
                        assertThat(d.term()).isEqualTo("Global Interpreter Lock");
                        assertThat(d.abbreviation()).isEqualTo("GIL");
                        assertThat(d.meaning()).startsWith("a mutex");
                    });
            RuleFixture note = new RuleFixture("# Locks\n\nA Read-Write Lock (RWL) is a lock that lets many readers or one writer in.\n");
            List<QuizItem> items = DefinitionRule.items(note.ctx("Locks"), note.block("Locks", 0), note.block("Locks", 0).raw(), true);
            assertThat(RuleFixture.prompts(items)).contains("What is a Read-Write Lock (RWL)?", "What does RWL stand for?");
            assertThat(items).noneMatch(i -> i.type() == ItemType.CLOZE); // the abbreviation beside the blank would give it away
        }

        @Test
        void aValueIsNoDefinitionAndARelationalNounNoTerm() {
            assertThat(DefinitionRule.find("默认容量是 16。", true)).isEmpty();
            assertThat(DefinitionRule.find("默认值是一个很小的数。", true)).isEmpty();
            // The pair's second clause is a value of the first term: one definition, not a pair of terms.
            assertThat(DefinitionRule.find("负载因子是决定何时扩容的比例，默认值是 0.75。", true)).singleElement()
                    .satisfies(d -> assertThat(d.term()).isEqualTo("负载因子"));
            assertThat(DefinitionRule.find("The default is a pool of eight threads.", true)).isEmpty();
        }

        @Test
        void aTimeIsNoColonDefinitionAndAContrastIsNoPartOfTheMeaning() {
            assertThat(DefinitionRule.find("原创 2025-06-01 10:12:33 · 1.5k 阅读", true)).isEmpty();
            assertThat(DefinitionRule.find("分代回收把对象分为三代：第 0 代、第 1 代和第 2 代。", true)).isEmpty();
            assertThat(DefinitionRule.find("NCCL is the fastest backend for GPUs, while Gloo works on CPUs.", true)).singleElement()
                    .satisfies(d -> assertThat(d.meaning()).isEqualTo("the fastest backend for GPUs"));
        }

        @Test
        void questionAndAnswerLinesAreTheNotesOwnCard() {
            RuleFixture note = new RuleFixture("# Recap\n\nQ: Which backend is for GPUs?\nA: NCCL\n");
            java.util.Set<NoteDocument.Block> taken = new java.util.HashSet<>();
            assertThat(QuestionAnswerRule.items(note.ctx("Recap"), note.section("Recap").blocks(), taken)).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("Which backend is for GPUs?");
                assertThat(i.answers()).containsExactly("NCCL");
            });
            String pasted = "Python 垃圾回收\n\n引用计数\n每个对象都有一个计数器，计数变为 0 时对象立即被回收。\n\n面试常问\n"
                    + "问：Python 的垃圾回收有哪几种方式？\n答：引用计数、标记-清除、分代回收。\n";
            assertThat(new Generator().generate(new NoteInput("n", pasted, List.of()))).filteredOn(i -> i.generator().equals("question"))
                    .singleElement().satisfies(i -> {
                        assertThat(i.prompt()).isEqualTo("Python 的垃圾回收有哪几种方式？");
                        assertThat(i.answers()).containsExactly("引用计数、标记-清除、分代回收。");
                    });
        }

        @Test
        void aQuestionAnsweredOnItsOwnLineIsACard() {
            RuleFixture note = new RuleFixture("# 握手\n\n为什么不是两次握手？因为两次握手无法防止失效的请求又传到服务端。\n\n"
                    + "# Ports\n\nWhy publish a port? Only traffic from outside needs it.\n\n# Plain\n\nTCP? Yes, mostly it is used.\n");
            java.util.Set<NoteDocument.Block> taken = new java.util.HashSet<>();
            assertThat(QuestionAnswerRule.items(note.ctx("握手"), note.section("握手").blocks(), taken)).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("为什么不是两次握手？");
                assertThat(i.answers()).containsExactly("因为两次握手无法防止失效的请求又传到服务端。");
            });
            assertThat(QuestionAnswerRule.items(note.ctx("Ports"), note.section("Ports").blocks(), taken)).extracting(QuizItem::prompt)
                    .containsExactly("Why publish a port?");
            assertThat(QuestionAnswerRule.items(note.ctx("Plain"), note.section("Plain").blocks(), taken)).isEmpty(); // "TCP?" asks nothing
        }

        @Test
        void anAspectLabelOverShortPartsAsksForTheParts() {
            RuleFixture note = new RuleFixture("# UDP 的优缺点\n\n优点：速度快、开销小、支持广播\n\n缺点：不可靠、没有拥塞控制\n\n"
                    + "# Queues\n\nCons: no ordering, no retries.\n");
            assertThat(EnumerationRule.items(note.ctx("UDP 的优缺点"), note.block("UDP 的优缺点", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("UDP 的优缺点：优点有哪些？（共 3 项）");
                assertThat(i.answers()).containsExactly("速度快、开销小、支持广播");
            });
            assertThat(DefinitionRule.find("优势：速度快、开销小", true)).isEmpty();
            assertThat(EnumerationRule.items(note.ctx("Queues"), note.block("Queues", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("no ordering, no retries"));
        }

        @Test
        void aPurposeAnswersWhy() {
            RuleFixture note = new RuleFixture("# 挥手\n\nTIME_WAIT 状态要等待 2MSL，是为了确保最后一个 ACK 能到达服务端。\n");
            assertThat(CauseRule.items(note.ctx("挥手"), note.block("挥手", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("为什么TIME_WAIT 状态要等待 2MSL？");
                assertThat(i.answers()).containsExactly("为了确保最后一个 ACK 能到达服务端");
            });
        }

        @Test
        void aComplexityClassIsATermAndEgEndsNoSentence() {
            assertThat(DefinitionRule.find("O(log n) – logarithmic time, e.g. binary search", true)).singleElement().satisfies(d -> {
                assertThat(d.term()).isEqualTo("O(log n)");
                assertThat(d.meaning()).isEqualTo("logarithmic time, e.g. binary search");
            });
            assertThat(DefinitionRule.find("CAS（Compare And Swap）：比较并交换，是一种无锁的原子操作。\nCAS 的问题：ABA 问题。", true))
                    .singleElement().satisfies(d -> assertThat(d.meaning()).isEqualTo("比较并交换，是一种无锁的原子操作。"));
            assertThat(Terms.isTerm("foo(x)")).isFalse();
        }

        @Test
        void laterSentencesAndTermLinesDefineTheirOwnTerms() {
            RuleFixture note = new RuleFixture("基础\n\n基本概念\n工作区是你在电脑上看到的目录。暂存区指的是 .git 目录里的 index 文件。\n\n"
                    + "常用命令\ngit init：初始化仓库\ngit add：把修改加入暂存区\n");
            List<QuizItem> concepts = DefinitionRule.items(note.ctx("基本概念"), note.block("基本概念", 0), note.block("基本概念", 0).raw(), true);
            assertThat(RuleFixture.prompts(concepts)).contains("什么是工作区？", "什么是暂存区？");
            List<QuizItem> commands = DefinitionRule.items(note.ctx("常用命令"), note.block("常用命令", 0), note.block("常用命令", 0).raw(), true);
            assertThat(commands).filteredOn(i -> i.type() == ItemType.BASIC).extracting(QuizItem::prompt, QuizItem::answers).containsExactly(
                    org.assertj.core.api.Assertions.tuple("什么是git init？", List.of("初始化仓库")),
                    org.assertj.core.api.Assertions.tuple("什么是git add？", List.of("把修改加入暂存区")));
            // The gate's repair of a leading full stop leaves a dotted name alone.
            List<QuizItem> all = new Generator().generate(new NoteInput("n",
                    "基础\n\n基本概念\n工作区是你在电脑上看到的目录。暂存区指的是 .git 目录里的 index 文件。\n", List.of()));
            assertThat(all).filteredOn(i -> i.prompt().equals("什么是暂存区？")).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly(".git 目录里的 index 文件"));
        }

        @Test
        void soGivesTheCauseBeforeIt() {
            RuleFixture note = new RuleFixture("# 撤销\n\n说明：reset 会改写历史，revert 会新建一个反向提交，所以已经推送的提交应该用 revert。\n\n"
                    + "# Keys\n\nOnly the auth server can issue tokens, so other services never hold the signing key.\n");
            assertThat(CauseRule.items(note.ctx("撤销"), note.block("撤销", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("为什么已经推送的提交应该用 revert？");
                assertThat(i.answers()).containsExactly("reset 会改写历史，revert 会新建一个反向提交");
            });
            assertThat(CauseRule.items(note.ctx("Keys"), note.block("Keys", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("Only the auth server can issue tokens"));
            assertThat(Terms.isTerm("A JWT has three parts")).isFalse();
            assertThat(Terms.isTerm("JSON Web Token")).isTrue();
        }

        @Test
        void aChineseContrastOfTwoSubjectsWithAModalVerb() {
            RuleFixture note = new RuleFixture("# 位移提交\n\n自动提交可能导致消息丢失或重复消费，而手动提交可以在处理完成后再提交位移。\n");
            List<QuizItem> items = ComparisonRule.items(note.ctx("位移提交"), note.block("位移提交", 0), note.block("位移提交", 0).raw());
            assertThat(items).singleElement().satisfies(i -> {
                assertThat(i.type()).isEqualTo(ItemType.TRUE_FALSE);
                assertThat(i.prompt()).isIn("判断：自动提交可能导致消息丢失或重复消费。", "判断：手动提交可能导致消息丢失或重复消费。");
                assertThat(i.answers()).containsExactly(i.prompt().contains("手动") ? "false" : "true");
            });
        }

        @Test
        void aNegationStaysWithItsVerbWhenTheSidesAreSwapped() {
            RuleFixture note = new RuleFixture("# RSA 和 ECDHE 的区别\n\nRSA 密钥交换不支持前向安全，ECDHE 支持前向安全。\n\n"
                    + "# 镜像和容器的区别\n\n因为镜像的每一层都是只读的，所以多个容器可以共享同一个镜像。\n\n"
                    + "# Effects\n\nuseEffect runs after paint, while useLayoutEffect runs before the browser paints.\n");
            assertThat(ComparisonRule.items(note.ctx("RSA 和 ECDHE 的区别"), note.block("RSA 和 ECDHE 的区别", 0), note.block("RSA 和 ECDHE 的区别", 0).raw()))
                    .singleElement().satisfies(i -> {
                        assertThat(i.prompt()).isIn("判断：RSA 密钥交换不支持前向安全。", "判断：ECDHE不支持前向安全。");
                        assertThat(i.answers()).containsExactly(i.prompt().contains("RSA") ? "true" : "false");
                    });
            assertThat(ComparisonRule.items(note.ctx("镜像和容器的区别"), note.block("镜像和容器的区别", 0),
                    note.block("镜像和容器的区别", 0).raw())).isEmpty();
            assertThat(ComparisonRule.items(note.ctx("Effects"), note.block("Effects", 0), note.block("Effects", 0).raw()))
                    .singleElement().satisfies(i -> assertThat(i.prompt()).startsWith("True or false: use"));
        }

        @Test
        void aClauseOrAVagueNounIsNoTermToDefine() {
            RuleFixture note = new RuleFixture("# Pitfalls\n\n"
                    + "Deadlock happens when all goroutines are asleep, for example when main sends on an unbuffered channel.\n\n"
                    + "useState returns a pair: the current state value and a function to update it.\n\n"
                    + "A common pattern is a timeout with time.After:\n\n"
                    + "Updating state is asynchronous and batched, so reading it right after a set gives the old value.\n\n"
                    + "# 要点\n\nHTTPS 主要解决三个问题：机密性、完整性和身份认证。\n\nkill 命令本质上是给进程发送一个信号。\n\n"
                    + "Dockerfile 是一个文本文件，里面是一条条指令。\n");
            for (int b = 0; b < 4; b++) {
                assertThat(DefinitionRule.items(note.ctx("Pitfalls"), note.block("Pitfalls", b), note.block("Pitfalls", b).raw(), true))
                        .as(note.block("Pitfalls", b).raw()).isEmpty();
            }
            for (int b = 0; b < 2; b++) {
                assertThat(DefinitionRule.items(note.ctx("要点"), note.block("要点", b), note.block("要点", b).raw(), true))
                        .as(note.block("要点", b).raw()).isEmpty();
            }
            assertThat(DefinitionRule.items(note.ctx("要点"), note.block("要点", 2), note.block("要点", 2).raw(), true))
                    .extracting(QuizItem::prompt).contains("什么是Dockerfile？").noneMatch(p -> p.contains("什么是里面"));
            assertThat(List.of("system calls", "Dirty reads", "Sorted sets", "The observer pattern", "Goroutine leak", "WHERE clause"))
                    .allMatch(Terms::isTerm);
            assertThat(List.of("The most common example", "most common example", "a good way", "A common pattern", "Union vs Optional"))
                    .noneMatch(Terms::isTerm);
            assertThat(List.of("对称加密", "对象", "并发", "当前线程", "first character")).allMatch(Terms::isTerm);
            assertThat(List.of("对于它", "在这里", "当它")).noneMatch(Terms::isTerm);
            assertThat(DefinitionRule.describesAQuality("明文传输的，中间人可以窃听")).isTrue();
            assertThat(DefinitionRule.withArticle("Goroutine leak")).isEqualTo("a goroutine leak");
            assertThat(DefinitionRule.withArticle("Event loop")).isEqualTo("an event loop");
            assertThat(List.of("Kubernetes", "Task", "HashMap", "Sorted sets", "GIL", "Spring Boot")).allMatch(t -> DefinitionRule.withArticle(t).equals(t));
            assertThat(Terms.isTerm("no array")).isFalse();
            assertThat(DefinitionRule.describesAQuality("由 CA（证书颁发机构）签发的，用来证明公钥属于某个网站的文件")).isFalse();
        }

        @Test
        void aListEndsAtItsStatedCount() {
            RuleFixture note = new RuleFixture("# 权限\n\n文件权限分为读、写、执行三种，分别用 r、w、x 表示。\n\n"
                    + "# Channels\n\nThere are two kinds of channels: unbuffered and buffered.\n\n"
                    + "# 组\n\n用户分为所有者、同组用户、其他用户两种，各有各的权限。\n");
            assertThat(EnumerationRule.items(note.ctx("权限"), note.block("权限", 0))).first().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("文件权限分为哪3类？");
                assertThat(i.answers().get(0)).isEqualTo("读、写、执行");
            });
            assertThat(EnumerationRule.items(note.ctx("Channels"), note.block("Channels", 0))).first()
                    .satisfies(i -> assertThat(i.answers().get(0)).isEqualTo("unbuffered, buffered"));
            assertThat(EnumerationRule.items(note.ctx("组"), note.block("组", 0))).isEmpty(); // three parts, "两种": not this list
            RuleFixture more = new RuleFixture("# Kafka\n\nThere are three delivery semantics: at-most-once, at-least-once and exactly-once.\n\n"
                    + "# APIs\n\nThere are three ways to version an API: the path, a header and a query parameter.\n\n"
                    + "# 集合\n\nJava 集合分为 Collection 和 Map 两大类。\n");
            assertThat(EnumerationRule.items(more.ctx("Kafka"), more.block("Kafka", 0))).singleElement()
                    .satisfies(i -> assertThat(i.prompt()).isEqualTo("Name the 3 delivery semantics."));
            assertThat(EnumerationRule.items(more.ctx("APIs"), more.block("APIs", 0))).singleElement()
                    .satisfies(i -> assertThat(i.prompt()).isEqualTo("Name the 3 ways to version an API."));
            assertThat(EnumerationRule.items(more.ctx("集合"), more.block("集合", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers().get(0)).isEqualTo("Collection、Map"));
        }

        @Test
        void anAdverbAfterASubjectIsNoPartOfIt() {
            RuleFixture note = new RuleFixture("# 容器 vs 虚拟机\n\n虚拟机需要完整的 Guest OS，而容器直接使用宿主机内核。\n");
            assertThat(ComparisonRule.items(note.ctx("容器 vs 虚拟机"), note.block("容器 vs 虚拟机", 0), note.block("容器 vs 虚拟机", 0).raw()))
                    .singleElement().satisfies(i -> assertThat(i.prompt()).isIn("判断：虚拟机需要完整的 Guest OS。", "判断：容器需要完整的 Guest OS。"));
        }

        @Test
        void aCauseLeavesOutTheNameOfItsEffectAndAKeyFactNoCommandOption() {
            RuleFixture note = new RuleFixture("# 混合加密\n\n因为非对称加密很慢，所以 HTTPS 只用它来交换密钥，这就是混合加密。\n\n"
                    + "# 总结\n\n常见的问题有 kill -9 和 kill 的区别。\n");
            assertThat(CauseRule.items(note.ctx("混合加密"), note.block("混合加密", 0))).singleElement()
                    .satisfies(i -> assertThat(i.prompt()).isEqualTo("为什么HTTPS 只用它来交换密钥？"));
            assertThat(KeyFactRule.items(note.ctx("总结"), note.section("总结").blocks())).noneMatch(i -> i.answers().contains("9"));
        }

        @Test
        void aPairEndsAtASemicolon() {
            RuleFixture note = new RuleFixture("# 总结\n\n镜像是静态的模板，容器是运行的实例；数据要放在数据卷里，不要写在容器的可写层。\n");
            assertThat(PairRule.items(note.ctx("总结"), note.block("总结", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("[...]是静态的模板，[...]是运行的实例。");
                assertThat(i.answers()).containsExactly("镜像", "容器");
            });
        }

        @Test
        void secondScoutsDefinitionsAbbreviationsAndAspects() {
            RuleFixture note = new RuleFixture("# 集合\n\n负载因子默认是 0.75，负载因子越大，空间利用率越高。\n\nArrayList 底层是动态数组。\n\n"
                    + "DNS（Domain Name System，域名系统）是把域名解析成 IP 地址的系统。\n\n"
                    + "# Threads\n\nCPU-bound: use multiprocessing instead of threads.\n\nThousands of sockets: an event loop scales better.\n\n"
                    + "The cost is that data must be pickled between processes.\n\n"
                    + "The GIL (Global Interpreter Lock) is a mutex that lets one thread run Python bytecode at a time.\n\n"
                    + "# ArrayList 与 LinkedList 的区别\n\n- 内存占用：LinkedList 每个节点要额外保存前后指针\n- ArrayList：基于动态数组，随机访问快\n");
            for (int b = 0; b < 2; b++) {
                assertThat(DefinitionRule.items(note.ctx("集合"), note.block("集合", b), note.block("集合", b).raw(), true)).as("block %d", b).isEmpty();
            }
            assertThat(DefinitionRule.items(note.ctx("集合"), note.block("集合", 2), note.block("集合", 2).raw(), true))
                    .extracting(QuizItem::prompt).contains("什么是DNS？");
            for (int b = 0; b < 3; b++) {
                assertThat(DefinitionRule.items(note.ctx("Threads"), note.block("Threads", b), note.block("Threads", b).raw(), true)).as("block %d", b).isEmpty();
            }
            assertThat(DefinitionRule.items(note.ctx("Threads"), note.block("Threads", 3), note.block("Threads", 3).raw(), true))
                    .extracting(QuizItem::prompt).contains("What does GIL stand for?");
            List<QuizItem> listed = ListRule.items(note.ctx("ArrayList 与 LinkedList 的区别"), note.block("ArrayList 与 LinkedList 的区别", 0), null, new ArrayList<>());
            assertThat(listed).extracting(QuizItem::prompt).noneMatch(p -> p.contains("内存占用？")).anyMatch(p -> p.contains("ArrayList"));
        }

        @Test
        void secondScoutsComparisonsCausesAndOutputs() {
            RuleFixture note = new RuleFixture("# Exactly-once vs at-least-once\n\nAt-least-once is simpler and faster, but the consumer must deduplicate.\n\n"
                    + "# Commits\n\nAt-least-once is the most common choice, and consumers are made idempotent so that duplicates are harmless.\n\n"
                    + "# 3.1 为什么容量是 2 的幂\n\n因为 2 的幂可以用位运算代替取模，位运算比取模快。\n");
            assertThat(ComparisonRule.items(note.ctx("Exactly-once vs at-least-once"), note.block("Exactly-once vs at-least-once", 0),
                    note.block("Exactly-once vs at-least-once", 0).raw())).isEmpty();
            assertThat(CauseRule.items(note.ctx("Commits"), note.block("Commits", 0))).singleElement()
                    .satisfies(i -> assertThat(i.prompt()).isEqualTo("What is this for: \u201Cconsumers are made idempotent\u201D?"));
            assertThat(CauseRule.items(note.ctx("3.1 为什么容量是 2 的幂"), note.block("3.1 为什么容量是 2 的幂", 0))).isEmpty();
            assertThat(ComparisonRule.swapped("Auto commit (enable.auto.commit=true) commits offsets", "Auto commit", "manual commit"))
                    .isEqualTo("manual commit commits offsets");
        }

        @Test
        void thirdScoutsClausesGlossesBracketsAndSemicolons() {
            RuleFixture note = new RuleFixture("# 内存\n\n段页式管理结合了两者：先分段，再在段内分页。\n\n缺页中断与一般中断不同：它在指令执行期间产生。\n\n"
                    + "Spring AOP 基于动态代理实现：如果目标类实现了接口就用 JDK 代理。\n\nLRU（最近最久未使用算法）：淘汰最长时间没有被访问的页面。\n\n"
                    + "singleton 是默认作用域，容器中只有一个实例；prototype 每次获取都会创建新实例。\n\n"
                    + "# Services\n\nA headless Service (clusterIP: None) is not load balanced by kube-proxy.\n");
            for (int b = 0; b < 3; b++) {
                assertThat(DefinitionRule.items(note.ctx("内存"), note.block("内存", b), note.block("内存", b).raw(), true)).as("block %d", b).isEmpty();
            }
            assertThat(DefinitionRule.items(note.ctx("内存"), note.block("内存", 3), note.block("内存", 3).raw(), true))
                    .extracting(QuizItem::prompt).contains("什么是LRU？");
            assertThat(DefinitionRule.items(note.ctx("内存"), note.block("内存", 4), note.block("内存", 4).raw(), true))
                    .filteredOn(i -> i.prompt().equals("什么是singleton？")).singleElement()
                    .satisfies(i -> assertThat(i.answers().get(0)).doesNotContain("prototype"));
            assertThat(DefinitionRule.items(note.ctx("Services"), note.block("Services", 0), note.block("Services", 0).raw(), true))
                    .extracting(QuizItem::prompt).noneMatch(p -> p.contains("(clusterIP?"));
        }

        @Test
        void aLeadingNameEndsWhereAVerbStarts() {
            RuleFixture note = new RuleFixture("# 总结\n\n分页解决了外部碎片问题，分段方便共享和保护，而页面置换算法决定了换出哪一页。\n");
            assertThat(KeyFactRule.items(note.ctx("总结"), note.section("总结").blocks())).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("分页"));
        }

        @Test
        void fourthScoutsLabelsPluralSidesAndArticles() {
            RuleFixture note = new RuleFixture("# Access tokens vs refresh tokens\n\nAn access token is short-lived, while a refresh token lives longer.\n");
            assertThat(ComparisonRule.items(note.ctx("Access tokens vs refresh tokens"), note.block("Access tokens vs refresh tokens", 0),
                    note.block("Access tokens vs refresh tokens", 0).raw())).singleElement()
                    .satisfies(i -> assertThat(i.prompt()).isIn("True or false: An access token is short-lived.", "True or false: A refresh token is short-lived."));
            assertThat(List.of("Pro", "Con", "处理步骤", "消息丢失可能发生在三个阶段", "消息积压的原因一般")).noneMatch(Terms::isTerm);
            assertThat(DefinitionRule.withArticle("Reference counting")).isEqualTo("Reference counting");
        }

        @Test
        void aBareCommaContrastsOnlyUnderAHeadingThatNamesBothSides() {
            RuleFixture note = new RuleFixture("# Threads vs processes\n\nThreads share memory, processes have separate memory.\n\n"
                    + "# Memory\n\nThreads share memory, processes have separate memory.\n");
            List<QuizItem> items = ComparisonRule.items(note.ctx("Threads vs processes"), note.block("Threads vs processes", 0),
                    note.block("Threads vs processes", 0).raw());
            assertThat(items).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isIn("True or false: Threads share memory.", "True or false: Processes share memory.");
                assertThat(i.answers()).containsExactly(i.prompt().contains("Processes") ? "false" : "true");
            });
            assertThat(ComparisonRule.items(note.ctx("Memory"), note.block("Memory", 0), note.block("Memory", 0).raw())).isEmpty();
        }

        @Test
        void aWhySectionKeepsTheCausesOfItsLaterParagraphs() {
            RuleFixture note = new RuleFixture("# Why pools\n\nBecause opening a connection is slow, pools keep idle ones.\n\n"
                    + "Small pools still help, because most requests are short.\n");
            assertThat(CauseRule.items(note.ctx("Why pools"), note.block("Why pools", 0))).isEmpty(); // the heading asks this one
            assertThat(CauseRule.items(note.ctx("Why pools"), note.block("Why pools", 1))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("Most requests are short"));
        }

        @Test
        void pairsAreClozedOnBothSubjects() {
            RuleFixture note = new RuleFixture("# 区别\n\n进程是资源分配的单位，线程是调度的单位。\n\n# HTTP\n\nGET is idempotent, POST is not.\n");
            assertThat(PairRule.items(note.ctx("区别"), note.block("区别", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("[...]是资源分配的单位，[...]是调度的单位。");
                assertThat(i.answers()).containsExactly("进程", "线程");
            });
            assertThat(PairRule.items(note.ctx("HTTP"), note.block("HTTP", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("GET", "POST"));
        }

        @Test
        void comparisonSwapsTheSidesForAFalseStatement() {
            RuleFixture note = new RuleFixture("# Redis vs Memcached\n\nRedis keeps data structures on disk too, while Memcached keeps only strings in memory.\n");
            List<QuizItem> items = ComparisonRule.items(note.ctx("Redis vs Memcached"), note.block("Redis vs Memcached", 0),
                    note.block("Redis vs Memcached", 0).raw());
            QuizItem claim = items.stream().filter(i -> i.type() == ItemType.TRUE_FALSE).findFirst().orElseThrow();
            boolean swapped = claim.prompt().startsWith("True or false: Memcached keeps data structures");
            assertThat(claim.prompt()).isIn("True or false: Redis keeps data structures on disk too.", "True or false: Memcached keeps data structures on disk too.");
            assertThat(claim.answers()).containsExactly(swapped ? "false" : "true");
        }

        @Test
        void aSharedNounIsNotWrittenTwiceWhenTheSidesAreSwapped() {
            assertThat(ComparisonRule.swapped("Symmetric encryption uses one shared key", "Symmetric", "asymmetric encryption"))
                    .isEqualTo("asymmetric encryption uses one shared key");
            assertThat(ComparisonRule.swapped("Redis keeps structures", "Redis", "Memcached")).isEqualTo("Memcached keeps structures");
            assertThat(ComparisonRule.swapped("TCP sockets retry", "TCP sockets", "UDP sockets")).isEqualTo("UDP sockets retry");
        }

        @Test
        void causesBecomeWhyQuestions() {
            RuleFixture note = new RuleFixture("# 索引\n\n因为B+树的非叶子节点不存数据，所以一页能放更多的键。\n\n# Pools\n\nThe pool keeps idle connections because opening one is slow.\n");
            assertThat(CauseRule.items(note.ctx("索引"), note.block("索引", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("为什么一页能放更多的键？");
                assertThat(i.answers()).containsExactly("B+树的非叶子节点不存数据");
            });
            assertThat(CauseRule.items(note.ctx("Pools"), note.block("Pools", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("Opening one is slow"));
        }

        @Test
        void enumerationsNameTheirParts() {
            RuleFixture note = new RuleFixture("# 隔离\n\n隔离级别分为读未提交、读已提交、可重复读、串行化。\n\n# Git\n\nA Git repository consists of the working tree, the index and the object store.\n");
            assertThat(EnumerationRule.items(note.ctx("隔离"), note.block("隔离", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("隔离级别分为哪4类？");
                assertThat(i.answers()).containsExactly("读未提交、读已提交、可重复读、串行化");
            });
            assertThat(EnumerationRule.items(note.ctx("Git"), note.block("Git", 0))).singleElement()
                    .satisfies(i -> {
                        assertThat(i.prompt()).isEqualTo("Name the 3 parts of Git repository.");
                        assertThat(i.answers()).containsExactly("the working tree, the index, the object store");
                    });
        }

        @Test
        void aChainAfterChatterIsOrderedUnderTheHeading() {
            RuleFixture note = new RuleFixture("# TLS 握手过程\n\n简单说就是：Client Hello → Server Hello + 证书 → 客户端密钥交换 → Finished\n");
            assertThat(ProcessRule.items(note.ctx("TLS 握手过程"), note.block("TLS 握手过程", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).contains("TLS 握手过程").doesNotContain("简单说");
                assertThat(i.answers()).containsExactly("Client Hello", "Server Hello + 证书", "客户端密钥交换", "Finished");
            });
        }

        @Test
        void processesFromArrowsAndFromMarkers() {
            RuleFixture note = new RuleFixture("# 请求\n\n首先解析域名，然后建立连接，最后发送请求。\n\n# Build\n\nThe pipeline: compile -> test -> package -> deploy.\n");
            assertThat(ProcessRule.items(note.ctx("请求"), note.block("请求", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("解析域名", "建立连接", "发送请求"));
            assertThat(ProcessRule.items(note.ctx("Build"), note.block("Build", 0))).singleElement().satisfies(i -> {
                assertThat(i.answers()).containsExactly("compile", "test", "package", "deploy");
                assertThat(i.options()).isNotEqualTo(i.answers());
            });
        }
    }

    /** Forms found on pasted notes nobody here had written (a MySQL transactions page, an asyncio page, a JVM page). */
    @Nested
    class CountsTrendsAndParallelClauses {
        private static final String NOTE = """
                事务笔记

                特性
                事务有四个特性：原子性、一致性、隔离性、持久性。

                级别
                SQL 标准定义了四种隔离级别，从低到高依次是：读未提交、读已提交、可重复读、串行化。

                阶段
                类加载分为三个阶段：加载、链接、初始化。

                数量不符
                事务有三个特性：原子性、一致性、隔离性、持久性。

                解决
                读已提交解决了脏读，可重复读解决了不可重复读，串行化解决了幻读。

                MVCC
                MVCC 即多版本并发控制，是 InnoDB 实现读已提交的方式。

                性能
                隔离级别越高，并发性能越差。

                双亲委派
                这样做的好处是避免类被重复加载。

                Heap sizing
                The larger the heap, the longer each full collection takes.

                Threads and coroutines
                Threads are scheduled by the OS, while coroutines switch only at await points.

                GIL
                CPU-bound work still needs processes because of the GIL.

                Isolation
                A transaction has four properties: atomicity, consistency, isolation and durability.
                """;
        private final RuleFixture note = new RuleFixture(NOTE);

        @Test
        void aCountedListAsksForThatManyPartsAndAnOrderWordAlsoMakesAnOrdering() {
            assertThat(EnumerationRule.items(note.ctx("特性"), note.block("特性", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("事务有哪四个特性？");
                assertThat(i.answers()).containsExactly("原子性、一致性、隔离性、持久性");
            });
            List<QuizItem> levels = EnumerationRule.items(note.ctx("级别"), note.block("级别", 0));
            assertThat(levels).extracting(QuizItem::type).containsExactly(ItemType.BASIC, ItemType.ORDERING);
            assertThat(levels.get(1).answers()).containsExactly("读未提交", "读已提交", "可重复读", "串行化");
            assertThat(levels.get(1).prompt()).contains("从低到高");
            // The count is not a part: "分为三个阶段：A、B、C" lists A, B, C.
            assertThat(EnumerationRule.items(note.ctx("阶段"), note.block("阶段", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("加载、链接、初始化"));
            assertThat(EnumerationRule.items(note.ctx("数量不符"), note.block("数量不符", 0))).isEmpty();
            // Another verb before the count, and the subject's space kept: "Kafka 提供两种…".
            RuleFixture kafka = new RuleFixture("Kafka\n\n位移提交\nKafka 提供两种位移提交方式：自动提交和手动提交。\n");
            assertThat(EnumerationRule.items(kafka.ctx("位移提交"), kafka.block("位移提交", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("Kafka 提供哪两种位移提交方式？");
                assertThat(i.answers()).containsExactly("自动提交、手动提交");
            });
            assertThat(Terms.isTerm("Kafka 提供两种位移提交方式")).isFalse();
            assertThat(EnumerationRule.items(note.ctx("Isolation"), note.block("Isolation", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("atomicity, consistency, isolation, durability"));
        }

        @Test
        void aClauseWithACountIsNoTerm() {
            assertThat(Terms.isTerm("事务有四个特性")).isFalse();
            assertThat(Terms.isTerm("不可重复读")).isTrue();
            assertThat(Terms.isTerm("不需要加锁")).isFalse();
        }

        @Test
        void threeParallelClausesWithOneVerbAreOneClozeOfTheirSubjects() {
            assertThat(PairRule.items(note.ctx("解决"), note.block("解决", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("[...]解决了脏读，[...]解决了不可重复读，[...]解决了幻读。");
                assertThat(i.answers()).containsExactly("读已提交", "可重复读", "串行化");
            });
            // "可重复读" inside "不可重复读" names the opposite: the gate keeps the item.
            assertThat(new Generator().generate(new NoteInput("n", NOTE, List.of()))).anyMatch(i -> i.generator().equals("pair"));
        }

        @Test
        void jiDefinesAndAnEnglishNameInBracketsIsNoAbbreviation() {
            assertThat(DefinitionRule.items(note.ctx("MVCC"), note.block("MVCC", 0), note.block("MVCC", 0).raw(), true))
                    .extracting(QuizItem::prompt).contains("什么是MVCC？");
            List<QuizItem> items = new Generator().generate(new NoteInput("n", "# ACID\n\n- 原子性（Atomicity）：事务中的操作要么都做，要么都不做。\n"
                    + "- 进程控制块（PCB）：操作系统描述进程的数据结构。\n", List.of()));
            assertThat(items).filteredOn(i -> i.generator().equals("abbreviation")).extracting(QuizItem::prompt).containsExactly("PCB是什么的缩写？");
        }

        @Test
        void aTrendAsksWhichWayTheSecondThingGoes() {
            assertThat(TrendRule.items(note.ctx("性能"), note.block("性能", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("隔离级别越高，并发性能越[...]。");
                assertThat(i.answers()).containsExactly("差");
            });
            assertThat(TrendRule.items(note.ctx("Heap sizing"), note.block("Heap sizing", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("The larger the heap, the [...] each full collection takes.");
                assertThat(i.answers()).containsExactly("longer");
            });
        }

        @Test
        void aBenefitIsAskedByTheHeading() {
            assertThat(CauseRule.items(note.ctx("双亲委派"), note.block("双亲委派", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("双亲委派有什么好处？");
                assertThat(i.answers()).containsExactly("避免类被重复加载");
            });
        }

        @Test
        void outputBelowALabelOnItsOwnLineAndAChineseSentencesLeadingName() {
            List<QuizItem> items = new Generator().generate(new NoteInput("n", """
                    拷贝笔记

                    代码示例
                    import copy
                    a = [1, [2, 3]]
                    b = copy.copy(a)
                    a[1].append(4)
                    print(b)
                    输出：
                    [1, [2, 3, 4]]

                    注意
                    不可变对象（如 int、str、tuple）的拷贝通常直接返回原对象本身。
                    """, List.of()));
            assertThat(items).filteredOn(i -> i.generator().equals("code-output")).singleElement().satisfies(i -> {
                assertThat(i.prompt()).contains("a[1].append(4)");
                assertThat(i.answers()).containsExactly("[1, [2, 3, 4]]");
            });
            assertThat(items).filteredOn(i -> i.generator().equals("key-fact")).extracting(QuizItem::answers)
                    .containsExactly(List.of("不可变对象"));
        }

        @Test
        void aBoldTermsMeaningEndsWithItsFirstSentenceAndOneBlankIsAskedOnce() {
            List<QuizItem> items = new Generator().generate(new NoteInput("n", """
                    # Rust

                    ## Lifetimes

                    **Lifetime**: the scope for which a reference is valid.
                    The borrow checker compares lifetimes to reject dangling references.

                    ## Strings

                    A `String` owns its buffer.

                    ```rust
                    let s1 = String::from("hi");
                    ```
                    """, List.of()));
            assertThat(items).filteredOn(i -> i.prompt().equals("What is Lifetime?")).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("the scope for which a reference is valid"));
            assertThat(items).filteredOn(i -> i.type() == ItemType.CLOZE && i.answers().equals(List.of("String"))).hasSize(1);
        }

        @Test
        void whatTheHeadingsSubjectDoesIsAskedWithItsVerb() {
            RuleFixture joins = new RuleFixture("""
                    Joins

                    Inner join
                    An inner join returns only the rows that match in both tables.

                    volatile
                    volatile 保证了变量的可见性。

                    标记-清除
                    标记-清除算法用来解决循环引用的问题。
                    """);
            assertThat(ActionRule.items(joins.ctx("Inner join"), joins.block("Inner join", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("What does an inner join return?");
                assertThat(i.answers()).containsExactly("only the rows that match in both tables");
            });
            assertThat(ActionRule.items(joins.ctx("volatile"), joins.block("volatile", 0))).singleElement().satisfies(i -> {
                assertThat(i.prompt()).isEqualTo("volatile 保证了什么？");
                assertThat(i.answers()).containsExactly("变量的可见性");
            });
            // "算法" after the heading is a noun, not a verb: no question on it.
            assertThat(ActionRule.items(joins.ctx("标记-清除"), joins.block("标记-清除", 0))).isEmpty();
            assertThat(ActionRule.base("copies")).isEqualTo("copy");
            assertThat(ActionRule.base("catches")).isEqualTo("catch");
        }

        @Test
        void englishContrastOfTwoSubjectsAndBecauseOf() {
            assertThat(ComparisonRule.items(note.ctx("Threads and coroutines"), note.block("Threads and coroutines", 0),
                    note.block("Threads and coroutines", 0).raw())).singleElement().satisfies(i -> assertThat(i.prompt())
                    .containsAnyOf("Threads are scheduled by the OS.", "Coroutines are scheduled by the OS."));
            assertThat(CauseRule.items(note.ctx("GIL"), note.block("GIL", 0))).singleElement()
                    .satisfies(i -> assertThat(i.answers()).containsExactly("Because of the GIL"));
        }
    }
}
