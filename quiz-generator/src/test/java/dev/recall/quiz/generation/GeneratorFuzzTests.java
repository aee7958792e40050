package dev.recall.quiz.generation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Hostile and random input: no exception escapes and every item still passes the quality gate. */
class GeneratorFuzzTests {

    private final Generator generator = new Generator();

    @Provide
    Arbitrary<String> markdownish() {
        Arbitrary<String> pieces = Arbitraries.of("# ", "## ", "- ", "1. ", "> ", "```", "`", "**", "==", "{{", "}}", "c1::", "::",
                ":::", "?", "??", "|", "---", "\n", "\r\n", "\n\n", "是", "指", " is ", "：", ": ", "优点", "缺点", "步骤", "<!--", "-->",
                "闭包", "decorator", "\uD800", "\uDC00", "\u0000", "　", "表", "x", "y");
        return pieces.list().ofMaxSize(200).map(list -> String.join("", list));
    }

    @Property(tries = 1000)
    void randomMarkdownNeverThrowsAndItemsAreWellFormed(@ForAll("markdownish") String markdown) {
        List<QuizItem> items = generator.generate(new NoteInput("fuzz", markdown, List.of()));
        assertThat(items).allMatch(QualityGate::acceptable);
    }

    @Property(tries = 200)
    void mutatedSampleNotesNeverThrow(@ForAll("mutations") int[] cut) {
        String text = SampleNotes.note(SampleNotes.files().get(Math.floorMod(cut[0], SampleNotes.files().size()))).markdown();
        int a = Math.floorMod(cut[1], text.length());
        int b = Math.floorMod(cut[2], text.length());
        String mutated = text.substring(0, Math.min(a, b)) + text.substring(Math.max(a, b)) + text.substring(Math.min(a, b), Math.max(a, b));
        assertThatCode(() -> generator.generate(new NoteInput("m", mutated, List.of()))).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<int[]> mutations() {
        return Arbitraries.integers().array(int[].class).ofSize(3);
    }

    @Test
    void deepNestingAndHugeInputsAreHandled() {
        String nested = "- a\n".repeat(1).concat("  ".repeat(1)).concat("> ".repeat(10_000) + "deep::end\n");
        String lists = "- ".repeat(5_000) + "x\n";
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 5_000_000) {
            huge.append("# Heading\n\nTerm").append(huge.length()).append(" is a definition of some length here.\n\n- a\n- b\n\n");
        }
        for (String input : List.of(nested, lists, huge.toString(), "\uD800::\uDC00\n", "")) {
            assertThatCode(() -> generator.generate(new NoteInput("big", input, List.of()))).doesNotThrowAnyException();
        }
    }
}
