package dev.recall.notes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeRegionsTests {

    @Test
    void pythonRunsOverIndentedLinesBlankLinesAndTheCommentAbove() {
        PlainLines note = new PlainLines("""
                装饰器的写法如下
                # a decorator
                def timed(func):
                    def wrapper(*args):
                        return func(*args)

                    return wrapper
                这是正文。
                """);
        CodeRegions regions = CodeRegions.mark(note);
        assertThat(note.types[0]).isNull();
        for (int i = 1; i <= 6; i++) {
            assertThat(note.types[i]).as("line %d", i).isEqualTo(LineType.CODE);
        }
        assertThat(note.types[7]).isNull();
        assertThat(regions.end(1)).isEqualTo(6);
        assertThat(regions.language(1)).isEqualTo("python");
        assertThat(regions.code(1)).startsWith("# a decorator\ndef timed(func):\n    def wrapper");
    }

    @Test
    void yamlByItsNesting() {
        PlainLines note = new PlainLines("""
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  replicas: 3
                """);
        CodeRegions regions = CodeRegions.mark(note);
        assertThat(note.types).containsOnly(LineType.CODE);
        assertThat(regions.language(0)).isEqualTo("yaml");
        assertThat(regions.end(0)).isEqualTo(3);
    }

    @Test
    void proseAndMarkedLinesAreNoCode() {
        PlainLines note = new PlainLines("print the report before you leave\nSELECT * FROM t\n");
        note.types[1] = LineType.JUNK;
        CodeRegions.mark(note);
        assertThat(note.types[0]).isNull();
        assertThat(note.types[1]).isEqualTo(LineType.JUNK);
    }

    @Test
    void dedentRemovesTheCommonIndentation() {
        assertThat(CodeRegions.dedent("    a\n\n      b\n")).isEqualTo("a\n\n  b\n");
        assertThat(CodeRegions.dedent("a\n  b\n")).isEqualTo("a\n  b\n");
    }
}
