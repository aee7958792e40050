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
            assertThat(items).extracting(QuizItem::id).doesNotHaveDuplicates();
            for (QuizItem item : items) {
                assertThat(item.prompt()).as("prompt of %s", item).isNotBlank();
                assertThat(item.answers()).as("answers of %s", item).isNotEmpty().allSatisfy(a -> assertThat(a).isNotBlank());
                assertThat(item.startLine()).isPositive().isLessThanOrEqualTo(item.endLine());
                assertThat(item.tags()).isEqualTo(note.tags());
                if (item.type() == ItemType.MULTIPLE_CHOICE) {
                    assertThat(item.options()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
                    assertThat(item.options().stream().filter(o -> o.equals(item.answers().get(0)))).hasSize(1);
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
