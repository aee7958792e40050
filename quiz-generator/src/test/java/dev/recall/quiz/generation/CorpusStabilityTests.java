package dev.recall.quiz.generation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus note against its lightly reworded edit (NAME.edit.txt: synonyms, a word added or dropped): at least
 * 95% of the items keep their id without the matcher (ids are keyed by terms, topics and headings, not wording),
 * and every item whose fact survived keeps it with the matcher.
 */
class CorpusStabilityTests {

    private final Generator generator = new Generator();

    @Test
    void idsSurviveLightRewording() throws IOException {
        int total = 0;
        int kept = 0;
        int rematched = 0;
        StringBuilder lost = new StringBuilder();
        for (Path file : CorpusReport.notes()) {
            Path edit = file.resolveSibling(file.getFileName().toString().replace(".txt", ".edit.txt"));
            if (!Files.exists(edit)) {
                continue;
            }
            List<QuizItem> before = generator.generate(new NoteInput(file.getFileName().toString(), Files.readString(file), List.of()));
            List<QuizItem> after = generator.generate(new NoteInput(file.getFileName().toString(), Files.readString(edit), List.of()));
            Set<String> plain = new HashSet<>();
            after.forEach(i -> plain.add(i.id()));
            Set<String> matched = new HashSet<>();
            ItemMatcher.rematch(before, after).forEach(i -> matched.add(i.id()));
            for (QuizItem item : before) {
                total++;
                kept += plain.contains(item.id()) ? 1 : 0;
                rematched += matched.contains(item.id()) ? 1 : 0;
                if (!matched.contains(item.id())) {
                    lost.append(file.getFileName()).append(": ").append(item.type()).append(' ').append(item.prompt()).append('\n');
                }
            }
        }
        System.out.printf("[corpus] ids kept after light rewording: %d/%d without the matcher, %d/%d with it%n", kept, total, rematched, total);
        assertThat(total).isGreaterThan(100);
        assertThat(kept * 100.0 / total).as("ids kept without the matcher").isGreaterThanOrEqualTo(95.0);
        assertThat(rematched).as("ids lost even with the matcher:\n%s", lost).isEqualTo(total);
    }
}
