package dev.recall.notes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextReaderTests {

    private static final String ZH = """
            Java线程池面试总结
            发布于 2024-03-18 21:07 · 阅读 3.2k
            线程池是一种复用线程的机制。

            一、为什么要使用线程池？
            因为创建线程的代价很高，所以要复用已有的线程。

            二、核心参数
            构造方法有7个参数：
            • corePoolSize：核心线程数
            · maximumPoolSize：最大线程数
            ● keepAliveTime：空闲线程的存活时间

            （一）执行流程
            1. 线程少于corePoolSize时创建新线程
            2. 核心线程满了就放入队列
            3) 其他

            三、示例代码
            ExecutorService pool = Executors.newFixedThreadPool(2);
            System.out.println(pool.submit(() -> 1).get());
            输出：1

            参考
            Java线程池详解 - CSDN博客
            https://example.org/pool

            点赞 128  收藏 56  评论 12
            打赏作者
            版权声明：本文为博主原创文章，转载请附上原文出处链接。
            """;

    @Test
    void recoversTitleNumberedHeadingsListsCodeAndDropsTheFooter() {
        NoteStructure note = NoteStructure.parse(ZH);
        assertThat(note.format()).isEqualTo(NoteFormat.PLAIN_TEXT);
        assertThat(note.outline()).extracting(Section::title)
                .containsExactly("Java线程池面试总结", "为什么要使用线程池？", "核心参数", "执行流程", "示例代码");
        assertThat(note.outline()).extracting(Section::level).containsExactly(1, 2, 2, 3, 2);
        Section parameters = note.outline().get(2);
        assertThat(parameters.blocks()).extracting(Block::kind).containsExactly(BlockKind.PARAGRAPH, BlockKind.LIST);
        assertThat(parameters.blocks().get(1).items()).containsExactly("corePoolSize：核心线程数", "maximumPoolSize：最大线程数",
                "keepAliveTime：空闲线程的存活时间");
        Block steps = note.outline().get(3).blocks().get(0);
        assertThat(steps.listKind()).isEqualTo(ListKind.NUMBERED);
        assertThat(steps.items()).containsExactly("线程少于corePoolSize时创建新线程", "核心线程满了就放入队列", "其他");
        Block code = note.outline().get(4).blocks().get(0);
        assertThat(code.kind()).isEqualTo(BlockKind.CODE);
        assertThat(code.language()).isEqualTo("java");
        assertThat(code.code()).contains("newFixedThreadPool(2);\nSystem.out.println");
        assertThat(note.outline().get(4).blocks()).extracting(Block::text).contains("输出：1");
        String kept = String.join("\n", note.sections().stream().flatMap(s -> s.blocks().stream()).map(Block::readableText).toList());
        assertThat(kept).doesNotContain("CSDN", "点赞", "打赏", "版权", "example.org", "阅读 3.2k");
        assertThat(note.boilerplate()).isNotEmpty().allSatisfy(b -> assertThat(b.startLine()).isLessThanOrEqualTo(b.endLine()));
    }

    @Test
    void englishHeadingsBulletsAndUnfencedPythonKeptWhole() {
        String text = """
                Python decorators explained

                1) What a decorator is
                A decorator is a function that takes a function and returns a new one.

                2) Writing one
                def log(func):
                    def wrapper(*args, **kwargs):
                        print("calling", func.__name__)

                        return func(*args, **kwargs)
                    return wrapper

                @log
                def add(a, b):
                    return a + b
                print(add(1, 2))
                Output: calling add then 3

                3) When to use it
                  - logging
                  - caching
                  - access checks

                Share this article
                12 likes · 3 comments
                """;
        NoteStructure note = NoteStructure.parse(text);
        assertThat(note.outline()).extracting(Section::title)
                .containsExactly("Python decorators explained", "What a decorator is", "Writing one", "When to use it");
        List<Block> writing = note.outline().get(2).blocks();
        assertThat(writing.get(0).kind()).isEqualTo(BlockKind.CODE);
        assertThat(writing.get(0).language()).isEqualTo("python");
        assertThat(writing.get(0).code()).contains("def log(func):", "return wrapper", "@log", "print(add(1, 2))");
        assertThat(writing).hasSize(2);
        assertThat(note.outline().get(3).blocks().get(0).items()).containsExactly("logging", "caching", "access checks");
        assertThat(note.boilerplate()).extracting(Boilerplate::startLine).contains(25);
    }

    @Test
    void yamlShellAndSqlAreCodeButColonDefinitionsAreNot() {
        String text = """
                Deploying it

                Kubernetes
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  replicas: 3
                TCP: a reliable, ordered byte stream between two hosts.

                Commands
                pip install requests
                SELECT name FROM users WHERE id = 1;
                """;
        NoteStructure note = NoteStructure.parse(text);
        List<Block> kubernetes = note.outline().get(1).blocks();
        assertThat(kubernetes.get(0).language()).isEqualTo("yaml");
        assertThat(kubernetes.get(0).code()).contains("replicas: 3");
        assertThat(kubernetes.get(1).kind()).isEqualTo(BlockKind.PARAGRAPH);
        Block commands = note.outline().get(2).blocks().get(0);
        assertThat(commands.kind()).isEqualTo(BlockKind.CODE);
        assertThat(commands.code()).contains("pip install", "SELECT");
    }

    @Test
    void commandsOfToolsNoTableNamesAreShellButProseWithAFlagIsNot() {
        String text = """
                TLS notes

                Inspect a certificate
                openssl x509 -in server.crt -text -noout
                openssl s_client -connect example.com:443 -showcerts

                Flags
                Use -v or -q to see more or less of the output.
                The tool accepts -v and --quiet as flags
                """;
        NoteStructure note = NoteStructure.parse(text);
        Block inspect = note.outline().get(1).blocks().get(0);
        assertThat(inspect.kind()).isEqualTo(BlockKind.CODE);
        assertThat(inspect.language()).isEqualTo("shell");
        assertThat(inspect.code()).contains("openssl x509", "openssl s_client");
        assertThat(note.outline().get(2).blocks()).extracting(Block::kind).containsOnly(BlockKind.PARAGRAPH);
    }

    @Test
    void codeCommentsAndDunderNamesDoNotMakeANoteMarkdown() {
        NoteStructure note = NoteStructure.parse("Python tips\n\n# define a function\ndef f(x):\n    print(x.__name__)\n\n- one point\n- another\n");
        assertThat(note.format()).isEqualTo(NoteFormat.PLAIN_TEXT);
        Block code = note.outline().get(0).blocks().get(0);
        assertThat(code.kind()).isEqualTo(BlockKind.CODE);
        assertThat(code.code()).startsWith("# define a function\ndef f(x):");
        assertThat(NoteStructure.parse("# Title\n\ntext\n").format()).isEqualTo(NoteFormat.MARKDOWN);
    }

    @Test
    void aShortLineThatAsksIsAHeadingEvenWithACopula() {
        NoteStructure note = NoteStructure.parse("Notes on TLS\n\nWhat is a handshake\nA handshake is how both sides agree on keys.\n\n"
                + "什么是证书链\n证书链是从站点证书到根证书的一串签名。\n\nThe server is slow\nIt has too few workers.\n");
        assertThat(note.outline()).extracting(Section::title).containsExactly("Notes on TLS", "What is a handshake", "什么是证书链");
    }

    @Test
    void aClosingHeadingAfterNumberedSectionsAndALowerCaseComparisonHeadTheirOwnSections() {
        NoteStructure note = NoteStructure.parse("""
                事务笔记

                一、隔离级别
                读已提交解决了脏读。

                二、MVCC
                MVCC 即多版本并发控制。

                总结
                隔离级别越高，并发性能越差。
                """);
        assertThat(note.sections().stream().map(Section::path).toList()).contains(List.of("事务笔记", "总结"));
        NoteStructure english = NoteStructure.parse("""
                Python asyncio

                Key terms
                A coroutine is a function defined with async def.

                asyncio vs threading
                Threads are scheduled by the OS, while coroutines switch only at await points.
                """);
        assertThat(english.sections().stream().map(Section::path).toList()).contains(List.of("Python asyncio", "asyncio vs threading"));
    }

    @Test
    void theShortLinesBelowAnOutputLabelAreWhatTheCodePrintsNotHeadings() {
        NoteStructure note = NoteStructure.parse("""
                Context managers

                Writing a tag helper
                The helper prints an opening and a closing tag around the block.
                with tag("p"):
                    print("hello")
                Output:
                <p>
                hello
                </p>

                Other helpers
                suppress ignores the listed exceptions inside the block.

                查看证书
                print(s.version())
                输出：
                TLSv1.3

                也可以用 openssl 命令查看。
                """);
        assertThat(note.outline()).extracting(Section::title).containsExactly("Context managers", "Writing a tag helper", "Other helpers", "查看证书");
        List<Block> writing = note.outline().get(1).blocks();
        assertThat(writing).extracting(Block::kind).containsExactly(BlockKind.PARAGRAPH, BlockKind.CODE, BlockKind.PARAGRAPH,
                BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH);
        assertThat(writing.subList(2, 6)).extracting(Block::text).containsExactly("Output:", "<p>", "hello", "</p>");
        assertThat(writing.subList(2, 6)).extracting(Block::startLine).containsExactly(7, 8, 9, 10);
        assertThat(note.outline().get(3).blocks()).extracting(Block::text).contains("输出：", "TLSv1.3", "也可以用 openssl 命令查看。");
        NoteStructure zh = NoteStructure.parse("列表推导\n\n示例\n这段代码打印平方数。\nprint([x * x for x in range(3)])\n运行结果如下：\n[0, 1, 4]\n");
        assertThat(zh.outline()).extracting(Section::title).containsExactly("列表推导", "示例");
        assertThat(zh.outline().get(1).blocks()).extracting(Block::text).contains("运行结果如下：", "[0, 1, 4]");
    }
}
