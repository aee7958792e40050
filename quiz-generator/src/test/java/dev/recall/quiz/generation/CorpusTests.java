package dev.recall.quiz.generation;

import dev.recall.notes.Boilerplate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation corpus (src/test/resources/corpus): notes in the pasted-web-page style, zh and en. Every real
 * section yields an item, no item comes from boilerplate, and no item is malformed. Writes the corpus report to
 * target/corpus-report.txt (print it with -Pcorpus-report).
 */
class CorpusTests {

    private static final Pattern STARTS_WITH_JUNK = Pattern.compile("^(?:[,，。;；:：、!！?？)）\\]】]|\\.(?!\\w)|[-*•·●]\\s|\\d{1,2}[.)、]\\s)"); // ".git" is a name, not a stray full stop
    private final Generator generator = new Generator();

    @TestFactory
    Stream<DynamicTest> everyRealSectionYieldsAnItemAndNoneComesFromBoilerplate() {
        return CorpusReport.notes().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            NoteInput note = CorpusReport.note(file);
            List<QuizItem> items = generator.generate(note);
            NoteDocument document = new NoteDocument(note.markdown());
            for (NoteDocument.Section section : document.sections) {
                if (!section.blocks().isEmpty()) {
                    assertThat(items).as("items of section %s", section.headingPath())
                            .anyMatch(i -> Objects.equals(i.sectionId(), section.sectionId()));
                }
            }
            List<String> outlineIds = document.structure.outline().stream().map(dev.recall.notes.Section::id).toList();
            assertThat(items).allSatisfy(i -> assertThat(outlineIds).as("section of %s", i.prompt()).contains(i.sectionId()));
            for (Boilerplate junk : document.structure.boilerplate()) {
                assertThat(items).as("items from boilerplate lines %s", junk)
                        .noneMatch(i -> i.startLine() >= junk.startLine() && i.endLine() <= junk.endLine());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> noItemIsMalformed() {
        return CorpusReport.notes().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<QuizItem> items = generator.generate(CorpusReport.note(file));
            assertThat(items).as("items of %s", file.getFileName()).isNotEmpty();
            assertThat(items).extracting(QuizItem::id).doesNotHaveDuplicates();
            items.forEach(CorpusTests::assertWellFormed);
        }));
    }

    static void assertWellFormed(QuizItem item) {
        assertThat(item.prompt()).as("prompt of %s", item).isNotBlank().doesNotStartWith(" ");
        assertThat(STARTS_WITH_JUNK.matcher(item.prompt()).find()).as("prompt starts with punctuation or a marker: %s", item.prompt()).isFalse();
        assertThat(item.answers()).as("answers of %s", item).isNotEmpty().allSatisfy(a -> {
            assertThat(a).isNotBlank();
            assertThat(STARTS_WITH_JUNK.matcher(a).find()).as("answer starts with punctuation or a marker: %s", a).isFalse();
        });
        assertThat(item.prompt().length()).isLessThanOrEqualTo(QualityGate.MAX_CODE_PROMPT);
        if (item.type() == ItemType.MULTIPLE_CHOICE) {
            assertThat(item.options()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
            assertThat(item.options().stream().filter(o -> o.equals(item.answers().get(0)))).hasSize(1);
        }
        if (item.type() == ItemType.TRUE_FALSE) {
            assertThat(item.options()).containsExactly("true", "false");
            assertThat(item.answers()).hasSize(1).first().isIn("true", "false");
        }
        if (item.type() == ItemType.BASIC || item.type() == ItemType.CLOZE || item.type() == ItemType.REVERSED) {
            for (String answer : item.answers()) {
                String normal = Text.normalise(answer);
                // "可重复读" inside "不可重复读" names the opposite, not the answer: such a place is no leak.
                String prompt = Text.normalise(item.prompt()).replace("不" + normal, "").replace("非" + normal, "")
                        .replace("无" + normal, "").replace("未" + normal, "");
                assertThat(normal.length() >= 2 && prompt.contains(normal))
                        .as("answer %s leaked in prompt %s", answer, item.prompt()).isFalse();
            }
        }
        if ("definition".equals(item.generator()) && item.type() == ItemType.BASIC) {
            // "(GIL)" is an abbreviation and "O(log n)" a complexity class, not code.
            String term = item.prompt().replaceAll(" \\([A-Za-z][A-Za-z0-9.+#/-]{0,10}\\)\\?$", "?").replaceAll("\\b[OΘΩ]\\([\\w\\s^]{1,12}\\)", "O");
            assertThat(term).as("definition of a code line").doesNotContain("(", "=", ";", "{");
        }
        assertThat(item.startLine()).isPositive().isLessThanOrEqualTo(item.endLine());
        assertThat(item.id()).matches("[0-9a-f]{32}");
    }

    /** The items are the ones judged in corpus/golden.md; a rule change shows here and gets judged again. */
    @Test
    void itemsAreTheJudgedOnes() throws Exception {
        List<String> judged = Files.readAllLines(CorpusReport.corpus().resolve("golden.md")).stream()
                .filter(l -> l.startsWith("- ")).map(l -> l.substring(2).replace("\\|", "|").strip()).toList();
        List<String> generated = CorpusReport.report(true).lines().filter(l -> l.startsWith("    - "))
                .map(l -> l.substring(6).strip()).toList();
        assertThat(generated).as("regenerate corpus/golden.md (see its header) and judge the changed items").isEqualTo(judged);
    }

    @Test
    void writesTheReport() throws Exception {
        String report = CorpusReport.report(Boolean.getBoolean("corpus.items"));
        Path out = SampleNotes.root().resolve("quiz-generator/target/corpus-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        if (Boolean.getBoolean("corpus.print")) {
            System.out.println(report);
        }
        assertThat(report).contains("sections found");
    }
}
