package dev.recall.notes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadingRecognizerTests {

    private static HeadingRecognizer typed(PlainLines note) {
        for (int i = 0; i < note.count; i++) {
            note.types[i] = LineClassifier.classify(note.lines[i]);
        }
        return new HeadingRecognizer(note);
    }

    @Test
    void aNumberedLineWithBodyIsAHeadingARunOfSiblingsIsAList() {
        PlainLines note = new PlainLines("""
                一、核心参数
                构造方法有7个参数。
                1. 线程少于核心数时创建新线程
                2. 核心线程满了就放入队列
                """);
        HeadingRecognizer headings = typed(note);
        assertThat(headings.style(0)).isEqualTo("cn");
        assertThat(headings.style(2)).isNull();
        assertThat(headings.style(3)).isNull();
    }

    @Test
    void aShortPlainLineIsAHeadingWhenBodyTextFollows() {
        PlainLines note = new PlainLines("""
                线程池的参数
                构造方法有7个参数，每个参数都有它的作用。
                What is a handshake
                The client and the server agree on keys before any data is sent.
                """);
        HeadingRecognizer headings = typed(note);
        assertThat(headings.style(0)).isEqualTo("plain");
        assertThat(headings.style(1)).isNull();
        assertThat(headings.style(2)).isEqualTo("plain"); // a question, even with "is"
        assertThat(headings.style(3)).isNull();
    }

    @Test
    void termLinesStatementsAndLastLinesAreNoHeadings() {
        PlainLines note = new PlainLines("""
                优点：速度快
                A cache is fast
                Caching
                """);
        HeadingRecognizer headings = typed(note);
        assertThat(headings.style(0)).isNull(); // "term: text"
        assertThat(headings.style(1)).isNull(); // "X is Y"
        assertThat(headings.style(2)).isNull(); // no body after it
    }

    @Test
    void titleLikeIsShortAndEndsWithoutSentencePunctuation() {
        assertThat(HeadingRecognizer.titleLike("Branching", 30, 10, false)).isTrue();
        assertThat(HeadingRecognizer.titleLike("This ends a sentence.", 30, 10, false)).isFalse();
        assertThat(HeadingRecognizer.titleLike("lower case start", 30, 10, false)).isFalse();
        assertThat(HeadingRecognizer.titleLike("lower case start", 30, 10, true)).isTrue();
        assertThat(HeadingRecognizer.titleLike("这是一个非常非常长的标题它有很多很多的字符超过了三十个字符的限制所以不是标题", 30, 10, false)).isFalse();
    }
}
