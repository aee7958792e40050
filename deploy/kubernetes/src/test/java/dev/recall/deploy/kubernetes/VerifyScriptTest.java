package dev.recall.deploy.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/kubernetes/verify.sh, as an operator runs it: on the project's manifests, and on a deliberately broken copy. */
class VerifyScriptTest {

    record Run(int exit, String output) {
    }

    static Run verify(Path root) throws IOException, InterruptedException {
        Path script = ProjectFiles.kubernetesDir().resolve("verify.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("RECALL_VERIFY_ROOT", root.toString());
        pb.environment().put("RECALL_VERIFY_CLASSPATH", StrimziCrdsTest.testClasspath());
        pb.environment().put("RECALL_VERIFY_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = pb.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("verify.sh finished").isTrue();
        // The per-combination lines only (the broken run's problems are asserted, not logged).
        output.lines().filter(l -> !l.startsWith("     - ")).forEach(System.out::println);
        return new Run(process.exitValue(), output);
    }

    @Test
    void every_overlay_and_component_combination_renders_and_validates() throws Exception {
        Run run = verify(ProjectFiles.kubernetesDir());
        assertThat(run.exit()).as(run.output()).isZero();
        // Each overlay alone and with every subset of the components it does not already include.
        assertThat(run.output()).contains("ok   dev: ", "ok   prod: ", "ok   example: ",
                "ok   dev+ingress+monitoring+otel-collector: ", "ok   prod+ingress+otel-collector: ",
                "ok   example+ingress+monitoring+otel-collector: ");
        assertThat(run.output()).doesNotContain("FAIL");
        assertThat(run.output()).containsPattern("(\\d+) of \\1 combinations valid");
    }

    @Test
    void deliberately_broken_objects_are_caught(@TempDir Path copy) throws Exception {
        copyManifests(ProjectFiles.kubernetesDir(), copy);
        // A Strimzi field in the wrong place, an API version Strimzi 1.x no longer serves, a misspelt core field,
        // a route to a port the Service lacks, a mutable prod image and an IdP the NetworkPolicies do not allow.
        replace(copy.resolve("base/kafka/topics.yaml"), "  partitions: 6\n  replicas: 3\n  config:\n    retention.ms: 1209600000",
                "  partitions: 6\n  replicas: 3\n  retention.ms: 1209600000\n  config:\n    retention.ms: 1209600000");
        replace(copy.resolve("base/kafka/users.yaml"), "apiVersion: kafka.strimzi.io/v1\n", "apiVersion: kafka.strimzi.io/v1beta2\n");
        replace(copy.resolve("base/quiz-service/deployment.yaml"), "readinessProbe:", "readynessProbe:");
        replace(copy.resolve("base/httproute.yaml"), "name: progress-service, port: 80", "name: progress-service, port: 8083");
        replace(copy.resolve("overlays/prod/kustomization.yaml"),
                "    newName: registry.example.com/recall/content-service\n    digest: sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "    newName: registry.example.com/recall/content-service\n    newTag: 0.1.0");
        replace(copy.resolve("base/networkpolicy-identity.yaml"), "{port: 443, protocol: TCP}", "{port: 444, protocol: TCP}");

        Run run = verify(copy);
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("KafkaTopic/content.notes.v1: ", "retention.ms")
                .contains("KafkaUser/content-service: no validation known for kafka.strimzi.io/v1beta2 KafkaUser (Strimzi 1.x serves only kafka.strimzi.io/v1)")
                .contains("Deployment/quiz-service: Unrecognized field \"readynessProbe\"")
                .contains("HTTPRoute/recall: Service progress-service has no port 8083")
                .contains("Deployment/content-service container content-service: image registry.example.com/recall/content-service:0.1.0 is not pinned by a sha256 digest")
                .contains("but no NetworkPolicy allows egress to port 443");
        // The dev overlay reads a PEM file, so the IdP rule does not apply there; prod's image rule neither.
        assertThat(run.output().lines().filter(l -> l.startsWith("ok "))).isEmpty();
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " contains the text to break").contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void copyManifests(Path from, Path to) throws IOException {
        for (String dir : List.of("base", "overlays", "components", "schemas")) {
            try (Stream<Path> files = Files.walk(from.resolve(dir))) {
                for (Path source : files.toList()) {
                    Path target = to.resolve(from.relativize(source));
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
