package dev.recall.quiz.generation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Hostile and random input: no exception escapes generate() and every item still passes the quality gate.
 * (Generation is linear in the input; that is not asserted with timings here, which would be flaky.)
 */
class GeneratorFuzzTests {

    private final Generator generator = new Generator();

    private static final List<String> PIECES = List.of("# ", "## ", "###### ", "- ", "* ", "1. ", "> ", "```", "~~~", "`", "``", "**",
            "*", "__", "==", "{{", "}}", "c1::", "c2::", "::", ":::", "?", "??", "\n?\n", "\n??\n", "|", "|---|---|", "---", "\n",
            "\r\n", "\r", "\n\n", "是", "指", " is ", " are ", "：", ": ", "优点", "缺点", "步骤", " vs ", "的区别", "<!--", "-->", "<div>",
            "闭包", "decorator", "输出：", "Output: ", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\u0000", "\u200B", "　", "表", "x", "y",
            "    ", "\t", "[", "]", "(", ")", "\\", "&amp;", "cloze: bold");

    @Provide
    Arbitrary<String> markdownish() {
        return Arbitraries.of(PIECES).list().ofMaxSize(300).map(list -> String.join("", list));
    }

    @Property(tries = 1000)
    void randomMarkdownNeverThrowsAndItemsAreWellFormed(@ForAll("markdownish") String markdown) {
        List<QuizItem> items = generator.generate(new NoteInput("fuzz", markdown, List.of()));
        assertThat(items).allMatch(QualityGate::acceptable);
        assertThat(items).extracting(QuizItem::id).doesNotHaveDuplicates();
    }

    @Property(tries = 1000)
    void anyStringNeverThrows(@ForAll String markdown) {
        assertThatCode(() -> generator.generate(new NoteInput("any", markdown, List.of()))).doesNotThrowAnyException();
    }

    @Property(tries = 300)
    void mutatedSampleNotesNeverThrow(@ForAll("mutations") Tuple.Tuple3<Integer, List<Integer>, List<String>> mutation) {
        List<java.nio.file.Path> files = SampleNotes.files();
        StringBuilder text = new StringBuilder(SampleNotes.note(files.get(Math.floorMod(mutation.get1(), files.size()))).markdown());
        // Each step inserts a piece of syntax, deletes a span or swaps two spans.
        List<Integer> positions = mutation.get2();
        for (int i = 0; i + 1 < positions.size(); i += 2) {
            int a = Math.floorMod(positions.get(i), text.length() + 1);
            int b = Math.floorMod(positions.get(i + 1), text.length() + 1);
            String piece = mutation.get3().get(i % mutation.get3().size());
            switch (Math.floorMod(positions.get(i) + positions.get(i + 1), 3)) {
                case 0 -> text.insert(a, piece);
                case 1 -> text.delete(Math.min(a, b), Math.min(Math.max(a, b), Math.min(a, b) + 40));
                default -> {
                    String head = text.substring(0, Math.min(a, b));
                    String middle = text.substring(Math.min(a, b), Math.max(a, b));
                    String tail = text.substring(Math.max(a, b));
                    text.setLength(0);
                    text.append(head).append(tail).append(middle);
                }
            }
        }
        List<QuizItem> items = generator.generate(new NoteInput("m", text.toString(), List.of("t")));
        assertThat(items).allMatch(QualityGate::acceptable);
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Integer, List<Integer>, List<String>>> mutations() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().list().ofMinSize(2).ofMaxSize(20),
                Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(10)).as(Tuple::of);
    }

    @Test
    void deepNestingIsHandled() {
        List<String> inputs = List.of(
                "- ".repeat(10_000) + "deep::end\n",                                  // 10k nested lists
                "> ".repeat(10_000) + "deep::end\n",                                  // 10k nested quotes
                ">".repeat(10_000) + " **X**: a term defined deep down\n",
                "> - ".repeat(5_000) + "x\n",
                "*".repeat(10_000) + "a" + "*".repeat(10_000) + "\n",                  // emphasis
                "[".repeat(10_000) + "x" + "]".repeat(10_000) + "\n",
                "{{".repeat(10_000) + "x" + "}}".repeat(10_000) + "\n",
                "`".repeat(10_000) + "\n",
                "<!--".repeat(10_000) + "\n",
                "# H\n\n" + "- a\n".repeat(1).concat("  - b\n".repeat(10_000)));
        for (String input : inputs) {
            assertThatCode(() -> generator.generate(new NoteInput("deep", input, List.of()))).doesNotThrowAnyException();
        }
    }

    @Test
    void fiveMegabyteNotesAndLoneSurrogatesAreHandled() {
        StringBuilder samples = new StringBuilder();
        SampleNotes.files().forEach(f -> samples.append(SampleNotes.note(f).markdown()).append("\n\n"));
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 5_000_000) {
            huge.append(samples);
        }
        List<QuizItem> items = generator.generate(new NoteInput("big", huge.toString(), List.of()));
        assertThat(items).isNotEmpty().allMatch(QualityGate::acceptable);

        StringBuilder synthetic = new StringBuilder();
        while (synthetic.length() < 5_000_000) {
            synthetic.append("# Heading\n\nTerm").append(synthetic.length()).append(" is a definition of some length here.\n\n- a\n- b\n\n");
        }
        assertThatCode(() -> generator.generate(new NoteInput("big", synthetic.toString(), List.of()))).doesNotThrowAnyException();

        String oneLine = "x::" + "y".repeat(5_000_000);
        assertThatCode(() -> generator.generate(new NoteInput("line", oneLine, List.of()))).doesNotThrowAnyException();

        String surrogates = SampleNotes.note(SampleNotes.files().get(0)).markdown().replace("的", "\uD800").replace("e", "\uDC00");
        for (String input : List.of("\uD800::\uDC00\n", "**\uD800**：\uDC00\uDC00\uDC00\n", "==\uD800==\n", surrogates, "")) {
            assertThatCode(() -> generator.generate(new NoteInput("s", input, List.of()))).doesNotThrowAnyException();
        }
    }

    @Test
    void nullFieldsAreTolerated() {
        assertThat(generator.generate(new NoteInput(null, null, null))).isEmpty();
    }
}
