package dev.recall.notes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateMarkerTests {

    private static PlainLines marked(String text) {
        PlainLines note = new PlainLines(text);
        BoilerplateMarker.mark(note);
        return note;
    }

    @Test
    void chromeLinesAndTheShortLinesBetweenThemAreAFooter() {
        PlainLines note = marked("""
                线程池是一种复用线程的机制，创建线程的代价很高，所以要复用已有的线程，这一行足够长，是正文。
                点赞 128  收藏 56  评论 12
                张三
                打赏作者
                """);
        assertThat(note.types[0]).isNull();
        assertThat(note.types[1]).isEqualTo(LineType.JUNK);
        assertThat(note.reasons[2]).isEqualTo("page footer");
        assertThat(note.types[3]).isEqualTo(LineType.JUNK);
        assertThat(BoilerplateMarker.ranges(note)).extracting(Boilerplate::startLine).containsExactly(2, 3, 4);
    }

    @Test
    void aReferenceHeaderTakesTheListUnderIt() {
        PlainLines note = marked("""
                A long enough line of prose that explains what an index is and why it makes lookups fast.

                References
                Understanding B-trees | Medium
                https://example.org/btree
                The next paragraph of the note is a sentence again, and it is long enough to be prose.
                """);
        assertThat(note.types[2]).isEqualTo(LineType.JUNK);
        assertThat(note.types[3]).isEqualTo(LineType.JUNK);
        assertThat(note.types[4]).isEqualTo(LineType.JUNK);
        assertThat(note.types[5]).isNull();
        assertThat(BoilerplateMarker.ranges(note)).containsExactly(new Boilerplate(3, 5, "reference or related list"));
    }

    @Test
    void referencesWithAWebAddressOrASiteNameAsTheirSiteAreTakenToo() {
        PlainLines note = marked("""
                Free threading removes the lock, and this line is long enough to be the prose of the note itself.

                References
                Making the Global Interpreter Lock Optional in CPython, a proposal that is long | peps.python.org
                What is the Python GIL? – Real Python
                Like 42 · Share
                """);
        assertThat(note.types[2]).isEqualTo(LineType.JUNK);
        assertThat(note.types[3]).isEqualTo(LineType.JUNK);
        assertThat(note.types[4]).isEqualTo(LineType.JUNK);
        assertThat(note.types[0]).isNull();
        // Outside a reference list a dash between words is content: a process, not a site.
        PlainLines process = marked("Deploy steps\nbuild – test – Release\n");
        assertThat(process.types).containsOnlyNulls();
    }

    @Test
    void byLinesDateLinesAndLicenceLinesAreChrome() {
        for (String line : new String[] {"原创 2025-06-01 10:12:33 · 1.5k 阅读", "2024-05-02", "By ml-notes | Updated March 2025",
                "Updated Mar 3, 2025", "原创 小码农 2025-03-12 09:41:07 · 2.3k 阅读 · 收藏 56", "Dana Lee · Mar 3, 2025 · 6 min read",
                "Jane Doe | 12 Apr 2024 | Engineering", "Twitter Facebook LinkedIn", "微信 · 微博 · QQ", "Like this:", "Loading...", "很多人在面试中被问到深拷贝和浅拷贝，今天一次讲清楚。",
                "In this post we'll look at how asyncio schedules coroutines.", "Enjoyed this post? Subscribe to the newsletter for more.", "本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。"}) {
            assertThat(Junk.isLine(line)).as(line).isTrue();
        }
        for (String line : new String[] {"2024 年发布的 JDK 21 带来了虚拟线程，这是一句正文。", "By default the pool keeps eight threads.",
                "引用计数的优点是实时性好，缺点是无法处理循环引用。",
                "JDK 21 was released on Sep 19, 2023 · it made virtual threads final.", "2023-09-19 发布的 JDK 21 让虚拟线程正式可用，这是一句正文。",
                "Print the result", "Email and Slack alerts go to the on-call engineer.", "本文介绍 volatile 的三个作用：可见性、有序性和禁止重排。",
                "In this post we'll look at three rules: A, B and C."}) {
            assertThat(Junk.isLine(line)).as(line).isFalse();
        }
    }

    @Test
    void aTableOfContentsAndAThanksLineAreBoilerplate() {
        PlainLines note = marked("""
                Big-O cheat sheet
                Table of contents
                Introduction
                Examples

                Introduction
                Big-O notation describes how the running time of an algorithm grows with its input.
                Thanks for reading! If you found this useful, please share it.
                """);
        assertThat(note.types[1]).isEqualTo(LineType.JUNK);
        assertThat(note.reasons[2]).isEqualTo("table of contents");
        assertThat(note.types[3]).isEqualTo(LineType.JUNK);
        assertThat(note.types[5]).isNull(); // the heading itself, after the blank line
        assertThat(note.types[7]).isEqualTo(LineType.JUNK);
    }

    @Test
    void contentIsLeftAlone() {
        PlainLines note = marked("二、核心参数\n构造方法有7个参数：\n• corePoolSize：核心线程数\n");
        assertThat(note.types).containsOnlyNulls();
        assertThat(BoilerplateMarker.ranges(note)).isEmpty();
    }

    @Test
    void authorLinesCountersReadingTimesIntroChatterAndEndMarksAreChrome() {
        for (String line : new String[] {"王小明 于 2025-06-18 21:07:33 发布", "阅读量 4.1k  收藏 233  点赞数 97", "浏览量 1.2w · 点赞 1万 · 评论 8",
                "阅读原文  在看 12  赞 45", "views 1.2w · reads 2,431", "👍 赞(56)  ⭐ 收藏(140)", "Did you find this helpful? 👏 342  💬 18", "👏 342  💬 18",
                "Reading time: 8 minutes  ·  2,431 reads", "阅读时长：6 分钟", "作者：云端小筑", "Author: Dana Lee", "Written by Dana Lee", "Follow",
                "— END —", "（完）", "如果觉得这篇文章对你有帮助，欢迎点赞、在看、转发三连~",
                "Generics come up in every Java interview, so here are my notes.", "最近在准备面试，整理了一下 Redis 相关的高频考点，建议收藏！"}) {
            assertThat(Junk.isLine(line)).as(line).isTrue();
        }
        for (String line : new String[] {"By default the pool keeps eight threads.", "By Value", "Written by hand, the parser is faster.",
                "作者认为不可变对象更安全，因为它们天然是线程安全的。", "整理了一下：进程是资源分配的单位，线程是调度的单位。", "Here are my notes: a list is ordered, a set is not.",
                "The end of the stream is signalled by -1.", "By Example Patterns", "作者：鲁迅在《呐喊》中写道…", "阅读量越大，推荐的权重越高。", "Follow the steps below to install it."}) {
            assertThat(Junk.isLine(line)).as(line).isFalse();
        }
        assertThat(Junk.reason("王小明 于 2025-06-18 21:07:33 发布")).isEqualTo("by-line, date or reading time");
        for (String line : new String[] {"原创 码农小周 已于 2025-10-08 10:15:33 修改 阅读量 1.2w 收藏 530 点赞数 201",
                "本文整理了 Java 集合的高频面试题，看完这篇就够了。", "Jun 2, 2025", "作者 码农小李 发布于 2024-03-12 14:20 阅读 3,582 点赞 126", "Mar 3, 2025 · 6 min read", "Listen", "Share", "·"}) {
            assertThat(Junk.isLine(line)).as(line).isTrue();
        }
        for (String line : new String[] {"Listen to the socket on port 80.", "Share memory by communicating.", "June 2025 brought Java 25.",
                "看完这篇，你会知道 HashMap 为什么线程不安全。"}) {
            assertThat(Junk.isLine(line)).as(line).isFalse();
        }
        assertThat(Junk.reason("Reading time: 8 minutes  ·  2,431 reads")).isEqualTo("by-line, date or reading time");
        assertThat(Junk.reason("Generics come up in every Java interview, so here are my notes.")).isEqualTo("introduction that says nothing");
        assertThat(Junk.reason("— END —")).isEqualTo("end mark");
        assertThat(Junk.reason("阅读量 4.1k  收藏 233  点赞数 97")).isEqualTo("counter");
    }

    @Test
    void aReferenceListRunsOverTheTitlesUnderItsHeaderAndAFooterTakesTheAuthorsBio() {
        PlainLines note = marked("""
                Channels connect goroutines, and this line is long enough to be the prose of the note itself, really.

                References
                Effective Go - go.dev
                Go Concurrency Patterns, Rob Pike (Google I/O 2012)
                A very long title of a talk about the memory model of the language and what it guarantees - Some Site

                Did you find this helpful? 👏 342  💬 18
                Written by Dana Lee
                Backend engineer. Writing about Go, distributed systems and the occasional coffee.
                Follow
                """);
        for (int i = 2; i <= 10; i++) {
            assertThat(note.types[i]).as("line %d", i).isEqualTo(note.lines[i].isBlank() ? null : LineType.JUNK);
        }
        assertThat(note.types[0]).isNull();
        // After a blank line only what looks like a reference goes on; a heading of the note ends the list.
        PlainLines content = marked("""
                参考资料
                图解 HTTPS 连接 - 某某coding
                RFC 5246 The Transport Layer Security (TLS) Protocol Version 1.2

                总结
                HTTPS 用非对称加密交换密钥，再用对称加密传输数据，这一行是正文，足够长，是正文，足够长，是正文，足够长，是正文，足够长。
                """);
        assertThat(content.types[1]).isEqualTo(LineType.JUNK);
        assertThat(content.types[2]).isEqualTo(LineType.JUNK);
        assertThat(content.types[4]).isNull();
        assertThat(content.types[5]).isNull();
        PlainLines heading = marked("References\nEffective Go - go.dev\nSummary\nGoroutines are cheap, and channels connect them to each other.\n");
        assertThat(heading.types[1]).isEqualTo(LineType.JUNK);
        assertThat(heading.types[2]).isNull();
    }
}
