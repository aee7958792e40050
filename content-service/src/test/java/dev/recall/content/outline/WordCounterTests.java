package dev.recall.content.outline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Word counts as a reader of each script would count them (vectors written by hand, not taken from the code). */
class WordCounterTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                          | 0",
            "'   \t\n  '                 | 0",
            "Hello world                 | 2",
            "'  leading and trailing  '  | 3",
            "don't stop                  | 2",
            "it’s fine                   | 2",
            "state-of-the-art design     | 2",
            "snake_case_name here        | 2",
            "'a - b'                     | 2",
            "'end- of line'              | 3",
            "'x''s'                      | 1",
            "'trailing quote'''          | 2",
            "Python 3 rocks              | 3",
            "垃圾回收                     | 4",
            "Python的GC很快                | 5",
            "ひらがなカタカナ                | 8",
            "안녕하세요 세계                 | 2",
            "'I ❤ Java!'                 | 2",
            "'one,two;three'             | 3",
    })
    void countsWordsPerScript(String text, int words) {
        assertThat(WordCounter.count(text)).isEqualTo(words);
    }

    @Test
    void aCombiningMarkStaysInsideItsWord() {
        assertThat(WordCounter.count("cafe\u0301 noir")).isEqualTo(2);
    }

    @Test
    void lettersOutsideTheBasicPlaneAreOneWordAndHanOutsideItOneEach() {
        // U+1D400.. are mathematical bold letters; U+20000 is a Han ideograph of extension B.
        assertThat(WordCounter.count("\uD835\uDC00\uD835\uDC01 word")).isEqualTo(2);
        assertThat(WordCounter.count("\uD840\uDC00\uD840\uDC01")).isEqualTo(2);
    }

    @Test
    void onlyHanAndKanaAreWrittenWithoutSpaces() {
        assertThat(WordCounter.isCjkCharacter('字')).isTrue();
        assertThat(WordCounter.isCjkCharacter('か')).isTrue();
        assertThat(WordCounter.isCjkCharacter('カ')).isTrue();
        assertThat(WordCounter.isCjkCharacter('한')).isFalse();
        assertThat(WordCounter.isCjkCharacter('a')).isFalse();
    }
}
