package dev.recall.quiz.generation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Text#plain}: emphasis marks go, Python's names written in prose stay as written. */
class TextPlainTests {

    @Test
    void pythonNamesInProseSurviveVerbatim() {
        assertThat(Text.plain("it first calls __enter__, then runs the block, and finally calls __exit__"))
                .isEqualTo("it first calls __enter__, then runs the block, and finally calls __exit__");
        assertThat(Text.plain("if __name__ == \"__main__\": main()")).isEqualTo("if __name__ == \"__main__\": main()");
        assertThat(Text.plain("def f(*args, **kwargs) collects **kwargs as a dict")).isEqualTo("def f(*args, **kwargs) collects **kwargs as a dict");
        assertThat(Text.plain("`__init__.py` marks a package, and __init__ builds the object")).isEqualTo("`__init__.py` marks a package, and __init__ builds the object");
    }

    @Test
    void emphasisMarksGo() {
        assertThat(Text.plain("**闭包**是能读取外部变量的函数")).isEqualTo("闭包是能读取外部变量的函数");
        assertThat(Text.plain("A __strong claim__ and a **bold** one, *emphasised*.")).isEqualTo("A strong claim and a bold one, emphasised.");
        assertThat(Text.plain("**X**: meaning")).isEqualTo("X: meaning");
        assertThat(Text.plain("**`__slots__`** is a class attribute")).isEqualTo("`__slots__` is a class attribute");
        assertThat(Text.plain("`__name__`、`__doc__` 等元信息")).isEqualTo("`__name__`、`__doc__` 等元信息");
    }

    @Test
    void aSentenceStartsUpperCaseUnlessItStartsWithACodeName() {
        assertThat(Text.sentenceStart("threads share memory")).isEqualTo("Threads share memory");
        assertThat(Text.sentenceStart("useLayoutEffect runs before paint")).isEqualTo("useLayoutEffect runs before paint");
        assertThat(Text.sentenceStart("os.path joins paths")).isEqualTo("os.path joins paths");
        assertThat(Text.sentenceStart("__init__ builds it")).isEqualTo("__init__ builds it");
        assertThat(Text.sentenceStart("x2 doubles")).isEqualTo("x2 doubles");
        assertThat(Text.sentenceStart("线程")).isEqualTo("线程");
    }
}
