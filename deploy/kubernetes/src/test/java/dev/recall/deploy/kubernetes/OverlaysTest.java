package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders every overlay with `kubectl kustomize` and validates every object offline. */
class OverlaysTest {

    static List<Path> overlays() {
        return ProjectFiles.overlays();
    }

    @Test
    void dev_and_prod_overlays_exist() {
        assertThat(overlays()).extracting(p -> p.getFileName().toString()).contains("dev", "prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_object_of_the_overlay_is_valid(Path overlay) {
        List<JsonNode> docs = Manifests.parse(Kustomize.render(overlay));
        assertThat(docs).as("rendered objects").isNotEmpty();

        List<String> problems = new ArrayList<>();
        docs.forEach(doc -> problems.addAll(Manifests.validate(doc)));
        problems.addAll(rules(docs, overlay.getFileName().toString().equals("prod")));

        System.out.printf("[%s] validated %d objects: %s%n", overlay.getFileName(), docs.size(), docs.stream()
                .collect(Collectors.groupingBy(d -> d.path("kind").asText(), java.util.TreeMap::new, Collectors.counting())));
        assertThat(problems).as("problems in overlay " + overlay.getFileName()).isEmpty();
    }

    /** All project rules for one rendered overlay. */
    static List<String> rules(List<JsonNode> docs, boolean production) {
        Manifests.Rendered r = Manifests.typed(docs);
        List<String> problems = new ArrayList<>();
        problems.addAll(ManifestRules.containersAreHardened(r.deployments()));

        Set<String> usedTopics = new TreeSet<>(ProjectFiles.topicsInServiceProperties());
        usedTopics.addAll(ProjectFiles.topicsInEventsModule());
        problems.addAll(ManifestRules.topicsExist(usedTopics, r.topics()));
        List<HasMetadata> strimzi = Stream.of(r.topics(), r.users(), r.nodePools())
                .flatMap(List::stream).map(HasMetadata.class::cast).toList();
        problems.addAll(ManifestRules.strimziResourcesBelongToACluster(r.kafkas(), strimzi));

        Set<String> rendered = r.secrets().stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        problems.addAll(ManifestRules.secretsAreProvided(
                ManifestRules.secretReferences(r.deployments(), r.ingresses(), r.customResources()),
                rendered, ProjectFiles.documentedSecrets()));

        problems.addAll(ManifestRules.servicesSelectDeployments(r.services(), r.deployments()));
        problems.addAll(ManifestRules.ingressBackendsExist(r.ingresses(), r.services()));
        problems.addAll(ManifestRules.deploymentsHaveNetworkPolicies(r.deployments(), r.networkPolicies()));
        if (production) {
            problems.addAll(ManifestRules.deploymentsHaveHpaAndPdb(r.deployments(), r.hpas(), r.pdbs()));
        }
        return problems;
    }

    @Test
    void the_services_topics_are_found_in_their_configuration() {
        // Guards the topic rule against silently checking nothing (e.g. a moved application.properties).
        assertThat(ProjectFiles.topicsInServiceProperties()).contains("content.notes.v1", "quiz.items.v1", "quiz.answers.v1");
        assertThat(ProjectFiles.topicsInEventsModule()).contains("progress.reviews.v1");
    }

    @Test
    void operations_doc_lists_the_secrets_created_outside_the_manifests() {
        assertThat(ProjectFiles.documentedSecrets()).contains("recall-jwt-public-key", "recall-backup-s3");
    }
}
