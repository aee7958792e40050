package dev.recall.quiz;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.recall.quiz.NoteToItemsTests.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/generate} over HTTP on a 1 MB note (just under the 1,000,000-byte limit), Markdown and pasted
 * plain text, against a bare CommonMark parse of the same text in the same JVM and run. Not part of the test suite;
 * run it with {@code ./mvnw -B -o verify -pl quiz-service -am -Dtest=GenerateHttpBenchmark -Dbenchmark.http=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. It prints MB/s and the ratio to CommonMark.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark.http", matches = "true")
class GenerateHttpBenchmark {

    private static final int LIMIT = 999_000;
    private static final int ROUNDS = 5;

    @Test
    void generateOverHttpOnAOneMegabyteNote() throws Exception {
        Path root = Path.of(System.getProperty("recall.project.root", ".."));
        String markdown = fill(read(root.resolve("samples/notes"), ".md"), true);
        String plain = fill(read(root.resolve("quiz-generator/src/test/resources/corpus"), ".txt"), false);
        String token = TOKENS.learner("acme", "bench");
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create())).build();
        for (Map.Entry<String, String> note : Map.of("markdown", markdown, "plain-text", plain).entrySet()) {
            double megabytes = note.getValue().getBytes(StandardCharsets.UTF_8).length / 1e6;
            Map<String, Object> body = Map.of("markdown", note.getValue());
            for (int warm = 0; warm < 2; warm++) {
                post(token, body);
                parser.parse(note.getValue());
            }
            long http = 0;
            long parse = 0;
            int items = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                items = post(token, body);
                http += System.nanoTime() - start;
                start = System.nanoTime();
                parser.parse(note.getValue());
                parse += System.nanoTime() - start;
            }
            double httpRate = megabytes * ROUNDS / (http / 1e9);
            double parseRate = megabytes * ROUNDS / (parse / 1e9);
            System.out.printf("[GenerateHttpBenchmark] %s %.3f MB, %d items: POST /api/v1/generate %.2f MB/s, bare CommonMark parse %.2f MB/s,"
                    + " ratio %.2f%n", note.getKey(), megabytes, items, httpRate, parseRate, parseRate / httpRate);
            assertThat(items).isPositive();
        }
    }

    private static int post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/generate")
                .then().statusCode(200).extract().path("count");
    }

    private static String read(Path dir, String suffix) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix) && !f.toString().contains(".edit.")
                    && !f.endsWith("README.md")).sorted().toList()) {
                text.append(Files.readString(file)).append("\n\n");
            }
        }
        return text.toString();
    }

    /** Numbered copies up to the limit, so each copy is its own sections rather than duplicates. */
    private static String fill(String text, boolean markdown) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int round = 0; ; round++) {
            String copy = markdown ? text.replace("\n# ", "\n# " + round + " ") : "第" + round + "篇 " + text;
            int size = copy.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > LIMIT) {
                return out.toString();
            }
            out.append(copy);
            bytes += size;
        }
    }
}
