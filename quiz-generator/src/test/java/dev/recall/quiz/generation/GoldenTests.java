package dev.recall.quiz.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample notes (samples/notes) as a learner would meet them. Every section (heading) of every sample note
 * that has content yields at least one item, and no item is malformed: non-empty prompt and answers, choices
 * that contain the answer exactly once and no duplicates, unique ids, no near-duplicate prompts.
 * <p>
 * Every sample note against its reviewed golden file (src/test/resources/golden/NAME.json). After a deliberate
 * generator change, regenerate with -Dgolden.update=true and review the diff as a learner would.
 */
class GoldenTests {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Generator generator = new Generator();

    @TestFactory
    Stream<DynamicTest> sampleNotesGiveTheReviewedItems() {
        return SampleNotes.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            NoteInput note = SampleNotes.note(file);
            List<QuizItem> items = generator.generate(note);
            List<Map<String, Object>> actual = items.stream().map(GoldenTests::golden).toList();
            Path golden = SampleNotes.root().resolve("quiz-generator/src/test/resources/golden")
                    .resolve(file.getFileName().toString().replace(".md", ".json"));
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(golden, JSON.writeValueAsString(actual) + "\n");
            }
            assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
            Object expected = JSON.readValue(golden.toFile(), Object.class);
            assertThat(JSON.readValue(JSON.writeValueAsString(actual), Object.class)).isEqualTo(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySectionYieldsAnItemAndNoItemIsMalformed() {
        return SampleNotes.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            NoteInput note = SampleNotes.note(file);
            List<QuizItem> items = generator.generate(note);
            Set<List<String>> covered = new HashSet<>();
            items.forEach(item -> covered.add(item.headingPath()));
            for (NoteDocument.Section section : new NoteDocument(note.markdown()).sections) {
                boolean hasContent = !section.blocks().isEmpty();
                if (hasContent) {
                    assertThat(covered).as("items for section %s", section.headingPath()).contains(section.headingPath());
                }
            }
            assertThat(items).as("items of %s", file.getFileName()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(items).extracting(QuizItem::id).doesNotHaveDuplicates();
            assertThat(items).extracting(i -> i.type() + "|" + Text.normalise(i.prompt())).doesNotHaveDuplicates();
            for (QuizItem item : items) {
                assertThat(item.prompt()).as("prompt of %s", item).isNotBlank();
                assertThat(item.answers()).as("answers of %s", item).isNotEmpty().allSatisfy(a -> assertThat(a).isNotBlank());
                assertThat(item.startLine()).isPositive().isLessThanOrEqualTo(item.endLine());
                assertThat(item.tags()).isEqualTo(note.tags());
                if (item.type() == ItemType.MULTIPLE_CHOICE) {
                    assertThat(item.options()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
                    assertThat(item.options().stream().filter(o -> o.equals(item.answers().get(0)))).hasSize(1);
                }
                assertThat(item.id()).matches("[0-9a-f]{32}");
                assertThat(item.prompt().length()).isLessThanOrEqualTo(QualityGate.MAX_CODE_PROMPT);
                assertThat(item.headingPath()).isNotEmpty();
                if (item.type() == ItemType.TRUE_FALSE) {
                    assertThat(item.options()).containsExactly("true", "false");
                    assertThat(item.answers()).hasSize(1).first().isIn("true", "false");
                }
                if (item.type() == ItemType.MATCHING) {
                    assertThat(item.answers()).hasSameSizeAs(item.options()).allMatch(pair -> pair.contains(" → "));
                    assertThat(item.options()).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(item.answers().stream().map(p -> p.substring(p.indexOf(" → ") + 3)).toList());
                }
                if (item.type() == ItemType.BASIC || item.type() == ItemType.REVERSED || item.type() == ItemType.CLOZE) {
                    assertThat(item.options()).isNull();
                }
                if (item.type() == ItemType.ORDERING) {
                    assertThat(item.options()).containsExactlyInAnyOrderElementsOf(item.answers()).isNotEqualTo(item.answers());
                }
            }
        }));
    }

    static Map<String, Object> golden(QuizItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", item.id());
        map.put("type", item.type().name());
        map.put("generator", item.generator());
        map.put("headingPath", item.headingPath());
        map.put("lines", List.of(item.startLine(), item.endLine()));
        map.put("prompt", item.prompt());
        map.put("answers", item.answers());
        if (item.options() != null) {
            map.put("options", item.options());
        }
        return map;
    }
}
