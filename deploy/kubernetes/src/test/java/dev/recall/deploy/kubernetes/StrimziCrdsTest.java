package dev.recall.deploy.kubernetes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The vendored schemas/strimzi-1.2.0/*.yaml are exactly what Strimzi's own CRD generator (io.strimzi:crd-generator)
 * writes from io.strimzi:api, both from Maven Central at the version the dependency names, with the arguments of
 * the Strimzi release build. Strimzi 1.2 is built for Java 21, so the generator runs in a Java 21+ JVM.
 */
class StrimziCrdsTest {

    /** CRD file of the Strimzi release -> the API class it is generated from. */
    static final Map<String, String> CRDS = Map.of(
            "040-Crd-kafka.yaml", "io.strimzi.api.kafka.model.kafka.Kafka",
            "043-Crd-kafkatopic.yaml", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "044-Crd-kafkauser.yaml", "io.strimzi.api.kafka.model.user.KafkaUser",
            "045-Crd-kafkanodepool.yaml", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool");

    static String testClasspath() {
        return Optional.ofNullable(System.getProperty("surefire.test.class.path")).orElse(System.getProperty("java.class.path"));
    }

    /** A java launcher of version 21 or newer: this JVM, RECALL_JAVA21_HOME, or a JDK under /usr/lib/jvm. */
    static Optional<Path> java21() throws IOException {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("RECALL_JAVA21_HOME")).map(Path::of).ifPresent(homes::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.sorted().forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path release = home.resolve("release");
            Path java = home.resolve("bin/java");
            if (Files.isRegularFile(release) && Files.isExecutable(java)) {
                String version = Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                        .map(l -> l.replaceAll("[^0-9.]", "")).findFirst().orElse("0");
                if (Integer.parseInt(version.split("\\.")[0]) >= 21) {
                    return Optional.of(java);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void the_vendored_directory_names_the_strimzi_version_on_the_classpath() {
        assertThat(testClasspath()).contains("io/strimzi/api/1.2.0/api-1.2.0.jar".replace('/', java.io.File.separatorChar));
        assertThat(ProjectFiles.kubernetesDir().resolve("schemas/strimzi-1.2.0")).isDirectory();
    }

    @Test
    void vendored_crds_equal_what_the_strimzi_crd_generator_writes(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
        Optional<Path> java = java21();
        assumeTrue(java.isPresent(), "no Java 21+ JVM found to run Strimzi's CRD generator (set RECALL_JAVA21_HOME)");
        List<String> command = new ArrayList<>(List.of(java.get().toString(), "-cp", testClasspath(),
                "io.strimzi.crdgenerator.CrdGenerator",
                "--label", "app:strimzi", "--label", "strimzi.io/crd-install:true", "--target-kube", "1.16+",
                "--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1", "--yaml"));
        CRDS.forEach((file, type) -> command.add(type + "=" + out.resolve(file).toAbsolutePath()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("generator finished").isTrue();
        assertThat(process.exitValue()).as(log).isZero();

        Path vendored = ProjectFiles.kubernetesDir().resolve("schemas/strimzi-1.2.0");
        for (String file : CRDS.keySet()) {
            assertThat(Files.readString(vendored.resolve(file))).as(file + " (regenerate with the command of schemas/README.md)")
                    .isEqualTo(Files.readString(out.resolve(file)));
        }
    }
}
