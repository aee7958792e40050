package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders every overlay with `kubectl kustomize` in-process and validates every object (verify.sh adds the components). */
class OverlaysTest {

    static List<Path> overlays() {
        return ProjectFiles.overlays();
    }

    private static List<JsonNode> render(String overlay) {
        return Manifests.parse(Kustomize.render(ProjectFiles.kubernetesDir().resolve("overlays").resolve(overlay)));
    }

    @Test
    void dev_prod_and_example_overlays_exist() {
        assertThat(overlays()).extracting(p -> p.getFileName().toString()).contains("dev", "prod", "example");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_object_of_the_overlay_is_valid(Path overlay) {
        List<JsonNode> docs = Manifests.parse(Kustomize.render(overlay));
        assertThat(docs).as("rendered objects").isNotEmpty();
        List<String> problems = Checks.all(docs, overlay.getFileName().toString().equals("prod"), Manifests.projectCrds());
        System.out.printf("[%s] validated %d objects: %s%n", overlay.getFileName(), docs.size(), Checks.kinds(docs));
        assertThat(problems).as("problems in overlay " + overlay.getFileName()).isEmpty();
    }

    @Test
    void no_strimzi_object_uses_an_api_version_strimzi_1_no_longer_serves() {
        for (Path overlay : overlays()) {
            assertThat(Manifests.parse(Kustomize.render(overlay)))
                    .filteredOn(d -> d.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
                    .isNotEmpty()
                    .allSatisfy(d -> assertThat(d.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1"));
        }
    }

    @Test
    void prod_pins_the_service_images_by_digest_and_reads_the_identity_provider_from_a_config_map() {
        List<JsonNode> prod = render("prod");
        List<JsonNode> containers = prod.stream().filter(d -> d.path("kind").asText().equals("Deployment"))
                .flatMap(d -> java.util.stream.StreamSupport.stream(d.at("/spec/template/spec/containers").spliterator(), false))
                .toList();
        assertThat(containers).hasSize(3).allSatisfy(c -> {
            assertThat(c.path("image").asText()).matches("registry\\.example\\.com/recall/[a-z-]+@sha256:[0-9a-f]{64}");
            assertThat(c.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        });
        JsonNode identity = prod.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")
                && d.at("/metadata/name").asText().startsWith("recall-identity-")).findFirst().orElseThrow();
        assertThat(identity.at("/data/JWT_PUBLIC_KEY_LOCATION").asText()).startsWith("https://");
        assertThat(identity.at("/data/JWT_ISSUER").asText()).startsWith("https://");
        assertThat(prod).noneMatch(d -> d.path("kind").asText().equals("Ingress"));
        assertThat(prod).anyMatch(d -> d.path("kind").asText().equals("HTTPRoute"));
    }

    @Test
    void dev_keeps_the_pem_secret_and_a_mutable_tag_pulled_always() {
        List<JsonNode> dev = render("dev");
        JsonNode identity = dev.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")
                && d.at("/metadata/name").asText().startsWith("recall-identity-")).findFirst().orElseThrow();
        assertThat(identity.at("/data/JWT_PUBLIC_KEY_LOCATION").asText()).isEqualTo("/etc/recall/jwt/publicKey.pem");
        assertThat(dev).filteredOn(d -> d.path("kind").asText().equals("Deployment")).hasSize(3).allSatisfy(d -> {
            assertThat(d.at("/spec/template/spec/containers/0/imagePullPolicy").asText()).isEqualTo("Always");
            assertThat(d.at("/spec/template/spec/volumes").findValuesAsText("secretName")).contains("recall-jwt-public-key");
        });
    }

    @Test
    void the_services_topics_are_found_in_their_configuration() {
        // Guards the topic rule against silently checking nothing (e.g. a moved application.properties).
        assertThat(ProjectFiles.topicsInServiceProperties()).contains("content.notes.v1", "quiz.items.v1", "quiz.answers.v1");
        assertThat(ProjectFiles.topicsInEventsModule()).contains("progress.reviews.v1");
        assertThat(ProjectFiles.consumersByService()).containsKeys("quiz-service", "progress-service");
        assertThat(ProjectFiles.consumersByService().get("progress-service").topics()).contains("quiz.items.v1", "quiz.answers.v1");
    }

    @Test
    void operations_doc_lists_the_secrets_created_outside_the_manifests() {
        assertThat(ProjectFiles.documentedSecrets()).contains("recall-jwt-public-key", "recall-backup-s3", "recall-tls");
    }
}
