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
}
