package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Everything checked for one rendered overlay (or overlay + components): each object's schema, then our rules. */
final class Checks {

    /** The images we build; prod must pin them by digest. */
    static final Set<String> OUR_IMAGES = Set.of("recall/content-service", "recall/quiz-service", "recall/progress-service");

    private Checks() {
    }

    /** All problems of one rendering; {@code production} adds the prod-only rules. */
    static List<String> all(List<JsonNode> docs, boolean production, CrdSchemas crds) {
        List<String> problems = new ArrayList<>();
        docs.forEach(doc -> problems.addAll(Manifests.validate(doc, crds)));
        problems.addAll(rules(docs, production));
        return problems;
    }

    /** Object counts by kind, for reports. */
    static Map<String, Long> kinds(List<JsonNode> docs) {
        return docs.stream().collect(Collectors.groupingBy(d -> d.path("kind").asText(), TreeMap::new, Collectors.counting()));
    }

    /** The project's rules over a rendered set of objects. */
    static List<String> rules(List<JsonNode> docs, boolean production) {
        Manifests.Rendered r = Manifests.typed(docs);
        List<String> problems = new ArrayList<>();
        problems.addAll(ManifestRules.containersAreHardened(r.deployments()));

        Set<String> usedTopics = new TreeSet<>(ProjectFiles.topicsInServiceProperties());
        usedTopics.addAll(ProjectFiles.topicsInEventsModule());
        problems.addAll(ManifestRules.topicsExist(usedTopics, r.topics()));
        List<JsonNode> strimzi = Stream.of(r.topics(), r.users(), r.nodePools()).flatMap(List::stream).toList();
        problems.addAll(ManifestRules.strimziResourcesBelongToACluster(r.kafkas(), strimzi));

        Map<String, ProjectFiles.Consumers> consumers = ProjectFiles.consumersByService();
        Map<String, Set<String>> inputs = new TreeMap<>();
        Map<String, Set<String>> groups = new TreeMap<>();
        consumers.forEach((service, c) -> {
            inputs.put(service, c.topics());
            groups.put(service, c.groups());
        });
        problems.addAll(ManifestRules.partitionsCoverReplicas(inputs, r.hpas(), r.topics()));

        Set<String> rendered = r.secrets().stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        problems.addAll(ManifestRules.secretsAreProvided(
                ManifestRules.secretReferences(r.deployments(), r.ingresses(), r.gateways(), r.customResources()),
                rendered, ProjectFiles.documentedSecrets()));

        problems.addAll(ManifestRules.servicesSelectDeployments(r.services(), r.deployments()));
        problems.addAll(ManifestRules.ingressBackendsExist(r.ingresses(), r.services()));
        problems.addAll(ManifestRules.httpRoutesResolve(r.httpRoutes(), r.gateways(), r.services()));
        problems.addAll(ManifestRules.deploymentsHaveNetworkPolicies(r.deployments(), r.networkPolicies()));
        problems.addAll(ManifestRules.configuredEndpointsAreReachable(r.deployments(), r.configMaps(), r.networkPolicies()));
        problems.addAll(ManifestRules.imagesArePinned(r.deployments(), production ? OUR_IMAGES : Set.of()));
        if (production) {
            problems.addAll(ManifestRules.deploymentsHaveHpaAndPdb(
                    r.deployments().stream().filter(d -> "api".equals(ManifestRules.podLabels(d).get("app.kubernetes.io/component"))).toList(),
                    r.hpas(), r.pdbs()));
            problems.addAll(ManifestRules.consumersScaleOnLag(groups, r.hpas()));
        }
        return problems;
    }
}
