package dev.recall.platform.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem catalogue: language negotiation, rendering, and that every module's texts exist in both languages. */
class CatalogueTests {

    static final List<String> MODULES = List.of("platform", "content-service", "quiz-service", "progress-service");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void chineseWhenTheCallerPrefersItEnglishOtherwise() {
        for (String zh : new String[]{"zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-TW", "ZH-cn", "zh-CN,zh;q=0.9,en;q=0.8",
                "en;q=0.5, zh-CN", "fr, zh;q=0.3", "en;q=0.1,zh;q=0.2", " zh-CN ; q=1"}) {
            assertThat(Catalogue.negotiate(zh)).as(zh).isEqualTo(Catalogue.CHINESE);
        }
        for (String en : new String[]{null, "", "en", "en-US", "*", "fr", "de-DE,fr;q=0.5", "en,zh", "zh;q=0.5,en",
                "zh;q=0", "zh;q=abc", "zh;q=2", "zhx", "en-GB;q=0.9,zh;q=0.8", "zh;q=0.5,*;q=0.9", ";;;,,,"}) {
            assertThat(Catalogue.negotiate(en)).as(en).isEqualTo(Catalogue.ENGLISH);
        }
        assertThat(Catalogue.negotiate("x,".repeat(10_000) + "zh")).isEqualTo(Catalogue.ENGLISH); // only the first 63 ranges count
        assertThat(Catalogue.tag(Catalogue.CHINESE)).isEqualTo("zh-Hans");
        assertThat(Catalogue.tag(Catalogue.ENGLISH)).isEqualTo("en");
    }

    @Test
    void textsRenderTheirArgumentsNestedTextsAndListsInOneLanguage() {
        Text invalid = ProblemException.invalid("limit", Text.of("input.between", 1, 100)).detail();
        assertThat(invalid.in(Catalogue.ENGLISH)).isEqualTo("limit: must be between 1 and 100");
        assertThat(invalid.in(Catalogue.CHINESE)).isEqualTo("limit：必须在 1 到 100 之间");
        Text two = Text.of("validation.fields", List.of(Text.of("validation.field", "a", Text.of("constraint.NotNull")),
                Text.of("validation.field", "b", Text.of("constraint.NotEmpty"))));
        assertThat(two.in(Catalogue.ENGLISH)).isEqualTo("a: must not be null; b: must not be empty");
        assertThat(two.in(Catalogue.CHINESE)).isEqualTo("a：不能为 null；b：不能为空");
        assertThat(Text.of("no.such.key").in(Catalogue.CHINESE)).isEqualTo("no.such.key");
        assertThat(Text.of("json.unknown-field", "{1}").toString()).isEqualTo("the body has a field this endpoint does not know: '{1}'");
        Problem problem = new ProblemException(404, "not-found", Text.of("deadletter.not-found", "t/0/1")).toProblem("/x", Catalogue.CHINESE);
        assertThat(problem.title()).isEqualTo("未找到");
        assertThat(problem.detail()).isEqualTo("死信 t/0/1 不存在");
        assertThat(problem.type()).isEqualTo("https://recall.dev/problems/not-found");
    }

    /** Every key of every module's catalogue has an English and a Chinese text, with the same placeholders. */
    @Test
    void everyKeyHasBothLanguages() throws IOException {
        for (String module : MODULES) {
            Path dir = root().resolve(module).resolve("src/main/resources/META-INF/recall");
            Map<String, String> english = read(dir.resolve("problems.properties"));
            Map<String, String> chinese = read(dir.resolve("problems_zh.properties"));
            assertThat(english).as(module).isNotEmpty();
            assertThat(chinese.keySet()).as(module + ": keys with English but no Chinese text, or the other way round")
                    .containsExactlyInAnyOrderElementsOf(english.keySet());
            for (var entry : english.entrySet()) {
                assertThat(placeholders(chinese.get(entry.getKey()))).as(module + " " + entry.getKey())
                        .isEqualTo(placeholders(entry.getValue()));
                assertThat(chinese.get(entry.getKey())).as(module + " " + entry.getKey()).isNotBlank();
            }
        }
        // and the platform's own catalogue, as loaded from the classpath, agrees
        assertThat(Catalogue.entries(Catalogue.CHINESE).keySet()).isEqualTo(Catalogue.entries(Catalogue.ENGLISH).keySet());
    }

    /** Every key the code names literally ({@code Text.of("...")}, {@code "{key}"} messages) is in the catalogue of its module or the platform's. */
    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Pattern textOf = Pattern.compile("Text\\.of\\(\"([a-zA-Z0-9.-]+)\"[,)]");
        Pattern message = Pattern.compile("message = \"\\{([a-zA-Z0-9.-]+)}\"");
        Set<String> platform = read(root().resolve("platform/src/main/resources/META-INF/recall/problems.properties")).keySet();
        Set<String> missing = new TreeSet<>();
        int used = 0;
        for (String module : MODULES) {
            Set<String> known = new TreeSet<>(platform);
            known.addAll(read(root().resolve(module).resolve("src/main/resources/META-INF/recall/problems.properties")).keySet());
            try (Stream<Path> files = Files.walk(root().resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (Pattern pattern : List.of(textOf, message)) {
                        Matcher m = pattern.matcher(source);
                        while (m.find()) {
                            used++;
                            if (!known.contains(m.group(1))) {
                                missing.add(module + ": " + m.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(used).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
        return texts;
    }

    static Path root() {
        return Path.of(System.getProperty("recall.project.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void localesAreTheTwoLanguages() {
        assertThat(Catalogue.LANGUAGES).containsExactly(Locale.ENGLISH, Locale.forLanguageTag("zh-Hans"));
    }
}
