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
    void patternsMatchWholeValuesAndWordChoicesBecomeEnums() {
        assertThat(ContractFilter.Patterns.literals("private|tenant|public")).containsExactly("private", "tenant", "public");
        assertThat(ContractFilter.Patterns.literals("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")).isEmpty();
        assertThat(ContractFilter.Patterns.literals("note")).isEmpty();
        assertThat(ContractFilter.Patterns.anchored("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")).isEqualTo("^(?:[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)$");
        assertThat(ContractFilter.Patterns.anchored("^-?[0-9]{1,19}$")).isEqualTo("^-?[0-9]{1,19}$");
        assertThat(ContractFilter.Patterns.anchored("\\S")).isEqualTo("\\S");
        // The anchored form accepts exactly what bean validation (a whole-value match) accepts; the bare one does not.
        String language = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
        Pattern anchored = Pattern.compile(ContractFilter.Patterns.anchored(language));
        for (String value : new String[]{"zh", "zh-CN", "ZH", "zh_CN", "x zh"}) {
            assertThat(anchored.matcher(value).find()).as(value).isEqualTo(value.matches(language));
        }
        assertThat(Pattern.compile(language).matcher("zh_CN").find()).isTrue();
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

    /** Every documented problem type has a title in English and in Chinese (the catalogue's title.<slug>). */
    @Test
    void everyProblemTypeHasATitleInBothLanguages() throws IOException {
        Path root = Path.of(System.getProperty("recall.project.root", ".."));
        java.util.Map<String, String> english = new java.util.TreeMap<>();
        java.util.Map<String, String> chinese = new java.util.TreeMap<>();
        for (String module : new String[]{"platform", "content-service", "quiz-service", "progress-service"}) {
            Path dir = root.resolve(module).resolve("src/main/resources/META-INF/recall");
            for (var language : java.util.Map.of("problems.properties", english, "problems_zh.properties", chinese).entrySet()) {
                java.util.Properties p = new java.util.Properties();
                try (var in = Files.newBufferedReader(dir.resolve(language.getKey()), java.nio.charset.StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                p.stringPropertyNames().forEach(k -> language.getValue().put(k, p.getProperty(k)));
            }
        }
        for (String slug : ProblemSchema.TYPES) {
            assertThat(english).as(slug).containsKey("title." + slug);
            assertThat(chinese).as(slug).containsKey("title." + slug);
        }
    }
}
