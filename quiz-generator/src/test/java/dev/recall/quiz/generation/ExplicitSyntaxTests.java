package dev.recall.quiz.generation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ExplicitSyntaxTests {

    private final Generator generator = new Generator();

    private List<QuizItem> items(String markdown) {
        return generator.generate(new NoteInput("n1", markdown, List.of("t")));
    }

    @Test
    void questionAnswerLinesMakeBasicAndReversedCards() {
        List<QuizItem> items = items("# Python\n\nWhich keyword rebinds an outer variable?::nonlocal\nCapital of France:::Paris\n");
        assertThat(items).extracting(QuizItem::type, QuizItem::prompt, QuizItem::answers).containsExactly(
                tuple(ItemType.BASIC, "Which keyword rebinds an outer variable?", List.of("nonlocal")),
                tuple(ItemType.BASIC, "Capital of France", List.of("Paris")),
                tuple(ItemType.REVERSED, "Paris", List.of("Capital of France")));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.headingPath()).containsExactly("Python");
            assertThat(item.tags()).containsExactly("t");
        });
        assertThat(items.get(0).startLine()).isEqualTo(3);
    }

    @Test
    void multiLineQuestionsUseAQuestionMarkLine() {
        List<QuizItem> items = items("What are the two phases\nof Ring AllReduce?\n?\nScatter-Reduce, then AllGather\n\nTerm\n??\nDefinition here\n");
        assertThat(items).extracting(QuizItem::type, QuizItem::prompt).containsExactly(
                tuple(ItemType.BASIC, "What are the two phases\nof Ring AllReduce?"),
                tuple(ItemType.BASIC, "Term"),
                tuple(ItemType.REVERSED, "Definition here"));
        assertThat(items.get(0).answers()).containsExactly("Scatter-Reduce, then AllGather");
    }

    @Test
    void clozesWithGroupsAndHints() {
        List<QuizItem> items = items("{{c1::NCCL::backend}} is for GPUs and {{c2::Gloo}} for CPUs; both serve {{c1::DDP}}.\n");
        assertThat(items).extracting(QuizItem::type).containsOnly(ItemType.CLOZE);
        assertThat(items).extracting(QuizItem::prompt, QuizItem::answers).containsExactly(
                tuple("[backend] is for GPUs and Gloo for CPUs; both serve [...].", List.of("NCCL", "DDP")),
                tuple("NCCL is for GPUs and [...] for CPUs; both serve DDP.", List.of("Gloo")));
        assertThat(items("Default thresholds are ==(700, 10, 10)== and {{gen 0}} is young.\n").get(0).answers())
                .containsExactly("(700, 10, 10)", "gen 0");
    }

    @Test
    void boldIsAClozeOnlyWhenTheNoteAsksForIt() {
        // Lower case and nothing specific in it: the last-resort cloze (KeyFactRule) has no span to take either.
        String body = "the **global lock** serialises bytecode.\n";
        assertThat(items(body)).noneMatch(i -> i.type() == ItemType.CLOZE);
        List<QuizItem> asked = items("---\ntitle: x\ncloze: bold\n---\n" + body);
        assertThat(asked).extracting(QuizItem::prompt, QuizItem::answers)
                .containsExactly(tuple("the [...] serialises bytecode.", List.of("global lock")));
        assertThat(asked.get(0).startLine()).isEqualTo(5);
    }

    @Test
    void nothingInsideCodeInlineCodeCommentsOrFrontMatter() {
        String note = "---\ntitle: Q::A\ntags: [a::b]\n---\n# Code\n\n```python\nx = {'a::b': 1}  # Q::A\n```\n\n"
                + "Use `a[::2]` and `{{x}}` and `==y==` freely.\n\n<!-- hidden::card -->\n\n    indented::code\n";
        assertThat(items(note)).noneMatch(i -> i.type() == ItemType.BASIC && i.generator().equals("explicit"))
                .noneMatch(i -> i.type() == ItemType.CLOZE && i.generator().equals("cloze"));
    }

    @Test
    void crlfLineEndingsWork() {
        List<QuizItem> unix = items("# H\n\nA?::B\n\nQ\n?\nR\n");
        List<QuizItem> windows = items("# H\r\n\r\nA?::B\r\n\r\nQ\r\n?\r\nR\r\n");
        assertThat(windows).isEqualTo(unix).hasSize(2);
    }

    @Test
    void theSameNoteAlwaysGivesTheSameIdsAndAnotherNoteOthers() {
        String note = "# Copy\n\n**Shallow copy**: a new outer container sharing the inner objects.\n";
        assertThat(items(note)).extracting(QuizItem::id).isEqualTo(items(note).stream().map(QuizItem::id).toList());
        List<QuizItem> other = generator.generate(new NoteInput("n2", note, List.of()));
        assertThat(other).extracting(QuizItem::id).doesNotContainAnyElementsOf(items(note).stream().map(QuizItem::id).toList());
    }

    @Test
    void plainBracesAndListItemCards() {
        List<QuizItem> items = items("# Lists\n\n- Which port does HTTPS use?::443\n- TLS:::Transport Layer Security\n- {{Gloo}} works on CPUs\n");
        assertThat(items).extracting(QuizItem::type, QuizItem::prompt, QuizItem::answers).containsExactly(
                tuple(ItemType.BASIC, "Which port does HTTPS use?", List.of("443")),
                tuple(ItemType.BASIC, "TLS", List.of("Transport Layer Security")),
                tuple(ItemType.REVERSED, "Transport Layer Security", List.of("TLS")),
                tuple(ItemType.CLOZE, "[...] works on CPUs", List.of("Gloo")));
        assertThat(items).allSatisfy(i -> assertThat(i.startLine()).isEqualTo(3));
    }

    @Test
    void frontMatterIsNeverACardAndKeepsLineNumbers() {
        List<QuizItem> items = items("---\ntitle: What is this?::nothing\ntags: [a, b]\n---\n# H\n\nReal question?::yes\n");
        assertThat(items).extracting(QuizItem::prompt).containsExactly("Real question?");
        assertThat(items.get(0).startLine()).isEqualTo(7);
        assertThat(items.get(0).headingPath()).containsExactly("H");
    }

    @Test
    void boldClozeCanBeAskedForInTheBody() {
        assertThat(items("<!-- cloze: bold -->\n\nThe **GIL** serialises bytecode.\n")).extracting(QuizItem::answers)
                .containsExactly(List.of("GIL"));
        assertThat(items("cloze: bold\n\nThe **GIL** serialises bytecode.\n")).extracting(QuizItem::answers)
                .containsExactly(List.of("GIL"));
    }

    @Test
    void multiLineCardLinesSpanTheWholeBlockAndCrlfKeepsThem() {
        String note = "# H\n\nFirst line of the question\nsecond line\n??\nThe answer\n";
        List<QuizItem> unix = items(note);
        assertThat(unix).extracting(QuizItem::startLine, QuizItem::endLine).containsOnly(tuple(3, 6));
        assertThat(items(note.replace("\n", "\r\n"))).isEqualTo(unix);
    }

    @Test
    void fencedCodeWithTildesAndHtmlCommentsInsideParagraphsAreIgnored() {
        List<QuizItem> items = items("~~~\nA::B\n~~~\n\nKeep::this <!-- not::this -->\n\n<!--\nhidden::card\n-->\n");
        assertThat(items).extracting(QuizItem::prompt, QuizItem::answers).containsExactly(tuple("Keep", List.of("this")));
    }
}
