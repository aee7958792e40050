package dev.recall.platform.openapi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ContractFilterTests {

    @Test
    void operationIdsFollowMethodAndPath() {
        assertThat(ContractFilter.OperationIds.of("GET", "/api/v1/notes")).isEqualTo("listNotes");
        assertThat(ContractFilter.OperationIds.of("POST", "/api/v1/notes")).isEqualTo("createNote");
        assertThat(ContractFilter.OperationIds.of("GET", "/api/v1/notes/{id}")).isEqualTo("getNote");
        assertThat(ContractFilter.OperationIds.of("PATCH", "/api/v1/notes/{id}")).isEqualTo("updateNote");
        assertThat(ContractFilter.OperationIds.of("GET", "/api/v1/notes/{id}/versions/{version}")).isEqualTo("getNoteVersion");
        assertThat(ContractFilter.OperationIds.of("POST", "/api/v1/quizzes")).isEqualTo("createQuiz");
        assertThat(ContractFilter.OperationIds.of("POST", "/api/v1/quizzes/{id}/answers")).isEqualTo("postQuizAnswers");
        assertThat(ContractFilter.OperationIds.of("GET", "/api/v1/reviews/due")).isEqualTo("getReviewsDue");
        assertThat(ContractFilter.OperationIds.of("POST", "/api/v1/admin/dead-letters/{topic}/replay")).isEqualTo("postAdminDeadLetterReplay");
        assertThat(ContractFilter.OperationIds.of("GET", "/api/v1/exports/decks/{id}")).isEqualTo("getExportsDeck");
    }

    @Test
    void tagsAreTheResourceAfterTheVersion() {
        assertThat(ContractFilter.tagOf("/api/v1/notes/{id}/outline")).isEqualTo("notes");
        assertThat(ContractFilter.tagOf("/api/v1/admin/dead-letters")).isEqualTo("admin");
    }

    /** Every problem type slug the services' code answers with is one the documents list. */
    @Test
    void everyProblemTypeInTheCodeIsDocumented() throws IOException {
        Pattern slug = Pattern.compile("(?:ProblemException\\(\\s*\\d{3},\\s*|badRequest\\(|conflict\\(|TYPE_BASE \\+ )\"([a-z-]+)\"");
        Set<String> used = new TreeSet<>();
        Path root = Path.of(System.getProperty("recall.project.root", "..")); // surefire sets it; a module runs in its folder
        for (String module : new String[]{"platform", "content-service", "quiz-service", "progress-service"}) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = slug.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(15);
        assertThat(ProblemSchema.TYPES).containsAll(used);
    }
}
