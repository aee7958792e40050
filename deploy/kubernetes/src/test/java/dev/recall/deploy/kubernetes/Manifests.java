package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses rendered YAML and validates each object offline, by up to three means, at least one per kind:
 * <ul>
 *   <li>Kubernetes core kinds: the Kubernetes 1.33 OpenAPI as generated into the official Java client's models
 *       (io.kubernetes:client-java-api 24: required fields, unknown fields), after the fabric8 models;</li>
 *   <li>Kubernetes core kinds (fabric8 kubernetes-model, Kubernetes 1.33 API: field types), Gateway API (fabric8
 *       kubernetes-model-gatewayapi) and Prometheus Operator kinds: strict deserialisation into typed models;</li>
 *   <li>custom resources with a vendored CRD under deploy/kubernetes/schemas (Strimzi 1.2, CloudNativePG,
 *       Barman Cloud plugin, Gateway API): the CRD's openAPIV3Schema with unknown fields refused
 *       ({@link CrdSchemas}), also where a typed model checks the object too;</li>
 *   <li>a few structural rules CRD schemas cannot express (cron with seconds, a WAL archiver, alert rules).</li>
 * </ul>
 */
final class Manifests {

    record Kind(String apiVersion, String kind) {
        static Kind of(JsonNode node) {
            return new Kind(node.path("apiVersion").asText(), node.path("kind").asText());
        }

        String group() {
            int slash = apiVersion.indexOf('/');
            return slash < 0 ? "" : apiVersion.substring(0, slash);
        }

        @Override
        public String toString() {
            return apiVersion + " " + kind;
        }
    }

    /** Kinds validated by strict deserialisation into typed models. */
    static final Map<Kind, Class<?>> MODELS = Map.ofEntries(
            Map.entry(new Kind("v1", "Namespace"), Namespace.class),
            Map.entry(new Kind("v1", "ConfigMap"), ConfigMap.class),
            Map.entry(new Kind("v1", "Secret"), Secret.class),
            Map.entry(new Kind("v1", "Service"), Service.class),
            Map.entry(new Kind("v1", "ServiceAccount"), ServiceAccount.class),
            Map.entry(new Kind("apps/v1", "Deployment"), Deployment.class),
            Map.entry(new Kind("autoscaling/v2", "HorizontalPodAutoscaler"), HorizontalPodAutoscaler.class),
            Map.entry(new Kind("policy/v1", "PodDisruptionBudget"), PodDisruptionBudget.class),
            Map.entry(new Kind("networking.k8s.io/v1", "Ingress"), Ingress.class),
            Map.entry(new Kind("networking.k8s.io/v1", "NetworkPolicy"), NetworkPolicy.class),
            Map.entry(new Kind("gateway.networking.k8s.io/v1", "Gateway"), Gateway.class),
            Map.entry(new Kind("gateway.networking.k8s.io/v1", "HTTPRoute"), HTTPRoute.class),
            Map.entry(new Kind("monitoring.coreos.com/v1", "ServiceMonitor"), ServiceMonitor.class),
            Map.entry(new Kind("monitoring.coreos.com/v1", "PodMonitor"), PodMonitor.class),
            Map.entry(new Kind("monitoring.coreos.com/v1", "PrometheusRule"), PrometheusRule.class));

    /** A generated model's check of a JSON object against the Kubernetes OpenAPI. */
    interface OpenApiCheck {
        void validate(com.google.gson.JsonElement json) throws IOException;
    }

    /**
     * Core kinds also checked against the Kubernetes OpenAPI by the official client's generated models, which
     * know the required fields (fabric8's do not) and refuse unknown ones.
     */
    static final Map<Kind, OpenApiCheck> KUBERNETES_OPENAPI = Map.ofEntries(
            Map.entry(new Kind("v1", "Namespace"), V1Namespace::validateJsonElement),
            Map.entry(new Kind("v1", "ConfigMap"), V1ConfigMap::validateJsonElement),
            Map.entry(new Kind("v1", "Secret"), V1Secret::validateJsonElement),
            Map.entry(new Kind("v1", "Service"), V1Service::validateJsonElement),
            Map.entry(new Kind("v1", "ServiceAccount"), V1ServiceAccount::validateJsonElement),
            Map.entry(new Kind("apps/v1", "Deployment"), V1Deployment::validateJsonElement),
            Map.entry(new Kind("autoscaling/v2", "HorizontalPodAutoscaler"), V2HorizontalPodAutoscaler::validateJsonElement),
            Map.entry(new Kind("policy/v1", "PodDisruptionBudget"), V1PodDisruptionBudget::validateJsonElement),
            Map.entry(new Kind("networking.k8s.io/v1", "Ingress"), V1Ingress::validateJsonElement),
            Map.entry(new Kind("networking.k8s.io/v1", "NetworkPolicy"), V1NetworkPolicy::validateJsonElement));

    /** Rules beyond any schema, per kind. */
    static final Map<Kind, Function<JsonNode, List<String>>> STRUCTURES = Map.of(
            new Kind("postgresql.cnpg.io/v1", "Cluster"), Structures::cnpgCluster,
            new Kind("postgresql.cnpg.io/v1", "ScheduledBackup"), Structures::cnpgScheduledBackup,
            new Kind("barmancloud.cnpg.io/v1", "ObjectStore"), Structures::barmanObjectStore,
            new Kind("monitoring.coreos.com/v1", "ServiceMonitor"), Structures::serviceMonitor,
            new Kind("monitoring.coreos.com/v1", "PodMonitor"), Structures::podMonitor,
            new Kind("monitoring.coreos.com/v1", "PrometheusRule"), Structures::prometheusRule);

    /**
     * fabric8 models keep unknown fields in an "additionalProperties" map (a Jackson any-setter), which would
     * accept any typo silently. Turning any-setters off makes Jackson's FAIL_ON_UNKNOWN_PROPERTIES apply, so a
     * misspelt or misplaced field is an error.
     */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    /** The project's vendored CRDs, loaded once. */
    private static final class Project {
        static final CrdSchemas CRDS = CrdSchemas.load(ProjectFiles.kubernetesDir().resolve("schemas"));
    }

    private Manifests() {
    }

    static CrdSchemas projectCrds() {
        return Project.CRDS;
    }

    /** The documents of a multi-document YAML stream, empty documents dropped. */
    static List<JsonNode> parse(String yaml) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            Iterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(JsonNode node) {
        return node.path("kind").asText("?") + "/" + node.path("metadata").path("name").asText("?");
    }

    /** Problems of one object against the project's CRDs; empty when it is valid. */
    static List<String> validate(JsonNode node) {
        return validate(node, projectCrds());
    }

    /** Problems of one object; empty when it is valid. */
    static List<String> validate(JsonNode node, CrdSchemas crds) {
        List<String> errors = new ArrayList<>();
        String where = describe(node);
        if (node.path("metadata").path("name").asText().isEmpty()) {
            errors.add(where + ": metadata.name is missing");
        }
        Kind kind = Kind.of(node);
        Class<?> model = MODELS.get(kind);
        Function<JsonNode, List<String>> structure = STRUCTURES.get(kind);
        if (model == null && !crds.knows(kind)) {
            String hint = kind.group().equals("kafka.strimzi.io") && !kind.apiVersion().equals("kafka.strimzi.io/v1")
                    ? " (Strimzi 1.x serves only kafka.strimzi.io/v1)" : " (add a model or a CRD under deploy/kubernetes/schemas)";
            errors.add(where + ": no validation known for " + kind + hint);
            return errors;
        }
        if (model != null) {
            java.util.Optional<String> typed = strict(node, model);
            typed.ifPresent(problem -> errors.add(where + ": " + problem));
            OpenApiCheck openApi = KUBERNETES_OPENAPI.get(kind);
            if (typed.isEmpty() && openApi != null) {
                openApi(node, openApi).ifPresent(problem -> errors.add(where + ": " + problem));
            }
            if (crds.knows(kind)) {
                crds.validate(node).forEach(problem -> errors.add(where + ": " + problem));
            }
        } else {
            strict(node.path("metadata"), ObjectMeta.class)
                    .or(() -> openApi(node.path("metadata"), V1ObjectMeta::validateJsonElement))
                    .ifPresent(problem -> errors.add(where + ": metadata: " + problem));
            crds.validate(node).forEach(problem -> errors.add(where + ": " + problem));
        }
        if (structure != null) {
            structure.apply(node).forEach(problem -> errors.add(where + ": " + problem));
        }
        return errors;
    }

    private static java.util.Optional<String> strict(JsonNode node, Class<?> model) {
        try {
            STRICT.treeToValue(node, model);
            return java.util.Optional.empty();
        } catch (JsonMappingException e) {
            return java.util.Optional.of(e.getOriginalMessage().lines().findFirst().orElse("") + " at " + path(e));
        } catch (JsonProcessingException e) {
            return java.util.Optional.of(e.getOriginalMessage());
        }
    }

    private static java.util.Optional<String> openApi(JsonNode node, OpenApiCheck check) {
        try {
            check.validate(com.google.gson.JsonParser.parseString(node.toString()));
            return java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            // The generated messages end with the whole offending object; the field name is enough.
            return java.util.Optional.of("Kubernetes OpenAPI: " + String.valueOf(e.getMessage())
                    .replaceFirst("(?s)(\\. JSON: | in the JSON string: ).*$", ""));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Typed view of a rendered overlay; parse failures are reported by {@link #validate}, not here. */
    static Rendered typed(List<JsonNode> docs) {
        Map<Class<?>, List<Object>> byClass = new LinkedHashMap<>();
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode doc : docs) {
            Class<?> model = MODELS.get(Kind.of(doc));
            if (model == null) {
                others.add(doc);
                continue;
            }
            try {
                byClass.computeIfAbsent(model, k -> new ArrayList<>()).add(STRICT.treeToValue(doc, model));
            } catch (JsonProcessingException e) {
                // reported by validate()
            }
        }
        return new Rendered(list(byClass, Deployment.class), list(byClass, Service.class), list(byClass, Secret.class),
                list(byClass, ConfigMap.class), list(byClass, HorizontalPodAutoscaler.class),
                list(byClass, PodDisruptionBudget.class), list(byClass, NetworkPolicy.class), list(byClass, Ingress.class),
                list(byClass, Gateway.class), list(byClass, HTTPRoute.class), others);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<Class<?>, List<Object>> byClass, Class<T> type) {
        return (List<T>) (List<?>) byClass.getOrDefault(type, List.of());
    }

    record Rendered(List<Deployment> deployments, List<Service> services, List<Secret> secrets, List<ConfigMap> configMaps,
                    List<HorizontalPodAutoscaler> hpas, List<PodDisruptionBudget> pdbs, List<NetworkPolicy> networkPolicies,
                    List<Ingress> ingresses, List<Gateway> gateways, List<HTTPRoute> httpRoutes,
                    List<JsonNode> customResources) {

        List<JsonNode> custom(String kind) {
            return customResources.stream().filter(n -> kind.equals(n.path("kind").asText())).toList();
        }

        List<JsonNode> kafkas() {
            return strimzi("Kafka");
        }

        List<JsonNode> nodePools() {
            return strimzi("KafkaNodePool");
        }

        List<JsonNode> topics() {
            return strimzi("KafkaTopic");
        }

        List<JsonNode> users() {
            return strimzi("KafkaUser");
        }

        private List<JsonNode> strimzi(String kind) {
            return customResources.stream().filter(n -> kind.equals(n.path("kind").asText())
                    && n.path("apiVersion").asText().startsWith("kafka.strimzi.io/")).toList();
        }
    }

    /** Structural checks that no schema expresses. */
    /** Structural checks for custom resources we have no typed model for. */
    static final class Structures {

        private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec");

        private Structures() {
        }

        static List<String> cnpgCluster(JsonNode n) {
            List<String> errors = common(n);
            JsonNode spec = n.path("spec");
            if (spec.path("instances").asInt(0) < 1) {
                errors.add("spec.instances must be >= 1");
            }
            require(errors, spec, "storage.size");
            require(errors, spec, "bootstrap.initdb.database");
            require(errors, spec, "bootstrap.initdb.owner");
            boolean pluginArchiver = false;
            for (JsonNode plugin : spec.path("plugins")) {
                require(errors, plugin, "name");
                if (plugin.path("isWALArchiver").asBoolean(false)) {
                    pluginArchiver = true;
                    require(errors, plugin, "parameters.barmanObjectName");
                }
            }
            boolean inTree = !spec.path("backup").path("barmanObjectStore").path("destinationPath").asText().isEmpty();
            if (!pluginArchiver && !inTree) {
                errors.add("no backup: neither a WAL-archiver plugin nor spec.backup.barmanObjectStore");
            }
            return errors;
        }

        static List<String> cnpgScheduledBackup(JsonNode n) {
            List<String> errors = common(n);
            JsonNode spec = n.path("spec");
            String schedule = spec.path("schedule").asText();
            if (schedule.trim().split("\\s+").length != 6) {
                errors.add("spec.schedule must be a six-field cron expression (seconds first), got '" + schedule + "'");
            }
            require(errors, spec, "cluster.name");
            String method = spec.path("method").asText("barmanObjectStore");
            if (!Set.of("barmanObjectStore", "volumeSnapshot", "plugin").contains(method)) {
                errors.add("spec.method '" + method + "' is not barmanObjectStore, volumeSnapshot or plugin");
            }
            if (method.equals("plugin")) {
                require(errors, spec, "pluginConfiguration.name");
            }
            return errors;
        }

        static List<String> barmanObjectStore(JsonNode n) {
            List<String> errors = common(n);
            require(errors, n.path("spec"), "configuration.destinationPath");
            return errors;
        }

        static List<String> serviceMonitor(JsonNode n) {
            List<String> errors = common(n);
            JsonNode spec = n.path("spec");
            if (!spec.path("selector").isObject()) {
                errors.add("spec.selector is missing");
            }
            if (!spec.path("endpoints").isArray() || spec.path("endpoints").isEmpty()) {
                errors.add("spec.endpoints is empty");
            }
            for (JsonNode endpoint : spec.path("endpoints")) {
                require(errors, endpoint, "port");
                require(errors, endpoint, "path");
            }
            return errors;
        }

        static List<String> podMonitor(JsonNode n) {
            List<String> errors = common(n);
            JsonNode spec = n.path("spec");
            if (!spec.path("selector").isObject()) {
                errors.add("spec.selector is missing");
            }
            if (!spec.path("podMetricsEndpoints").isArray() || spec.path("podMetricsEndpoints").isEmpty()) {
                errors.add("spec.podMetricsEndpoints is empty");
            }
            for (JsonNode endpoint : spec.path("podMetricsEndpoints")) {
                require(errors, endpoint, "port");
            }
            return errors;
        }

        static List<String> prometheusRule(JsonNode n) {
            List<String> errors = common(n);
            for (JsonNode group : n.path("spec").path("groups")) {
                require(errors, group, "name");
                for (JsonNode rule : group.path("rules")) {
                    require(errors, rule, "expr");
                    if (rule.path("alert").asText().isEmpty() && rule.path("record").asText().isEmpty()) {
                        errors.add("a rule of group " + group.path("name").asText() + " has neither alert nor record");
                    }
                }
            }
            return errors;
        }

        private static List<String> common(JsonNode n) {
            List<String> errors = new ArrayList<>();
            n.fieldNames().forEachRemaining(field -> {
                if (!TOP_LEVEL.contains(field)) {
                    errors.add("unknown top-level field '" + field + "'");
                }
            });
            if (!n.path("spec").isObject()) {
                errors.add("spec is missing");
            }
            return errors;
        }

        private static void require(List<String> errors, JsonNode node, String dottedPath) {
            JsonNode current = node;
            for (String part : dottedPath.split("\\.")) {
                current = current.path(part);
            }
            if (current.isMissingNode() || current.isNull() || (current.isTextual() && current.asText().isBlank())) {
                errors.add(dottedPath + " is missing");
            }
        }
    }
}
