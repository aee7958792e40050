package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Our own rules over rendered objects. Each rule is a pure function: objects in, a list of violations out
 * (empty = fine), so a test can feed it a deliberately broken object and see the violation.
 */
final class ManifestRules {

    static final String LIVENESS = "/q/health/live";
    static final String READINESS = "/q/health/ready";
    static final String STARTUP = "/q/health/started";

    private ManifestRules() {
    }

    // ---- containers -------------------------------------------------------------------------------------

    /** Probes, resources and a locked-down security context for every container of every Deployment. */
    static List<String> containersAreHardened(Collection<Deployment> deployments) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : deployments) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String d = "Deployment/" + deployment.getMetadata().getName();
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                violations.add(d + ": automountServiceAccountToken must be false");
            }
            Set<String> emptyDirMounts = emptyDirMountPaths(pod);
            // Our Quarkus services have the SmallRye Health endpoints; other workloads (the OTel Collector)
            // need liveness and readiness probes of some kind.
            boolean quarkus = "api".equals(podLabels(deployment).get("app.kubernetes.io/component"));
            for (Container c : pod.getContainers()) {
                String where = d + " container " + c.getName();
                probe(violations, where, "livenessProbe", c.getLivenessProbe(), quarkus ? LIVENESS : null);
                probe(violations, where, "readinessProbe", c.getReadinessProbe(), quarkus ? READINESS : null);
                if (quarkus) {
                    probe(violations, where, "startupProbe", c.getStartupProbe(), STARTUP);
                }
                resources(violations, where, c.getResources());
                security(violations, where, pod.getSecurityContext(), c.getSecurityContext());
                if (c.getSecurityContext() != null && Boolean.TRUE.equals(c.getSecurityContext().getReadOnlyRootFilesystem())
                        && !emptyDirMounts.contains(c.getName() + ":/tmp")) {
                    violations.add(where + ": read-only root file system but no writable emptyDir mounted at /tmp");
                }
            }
            for (Container c : Optional.ofNullable(pod.getInitContainers()).orElse(List.of())) {
                String where = d + " init container " + c.getName();
                resources(violations, where, c.getResources());
                security(violations, where, pod.getSecurityContext(), c.getSecurityContext());
            }
        }
        return violations;
    }

    private static Set<String> emptyDirMountPaths(PodSpec pod) {
        Set<String> emptyDirs = Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                .filter(v -> v.getEmptyDir() != null).map(Volume::getName).collect(Collectors.toSet());
        Set<String> mounts = new TreeSet<>();
        for (Container c : pod.getContainers()) {
            Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                    .filter(m -> emptyDirs.contains(m.getName()) && !Boolean.TRUE.equals(m.getReadOnly()))
                    .forEach(m -> mounts.add(c.getName() + ":" + m.getMountPath()));
        }
        return mounts;
    }

    private static void probe(List<String> violations, String where, String name, Probe probe, String path) {
        if (probe == null) {
            violations.add(where + ": no " + name);
        } else if (path != null && (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath()))) {
            violations.add(where + ": " + name + " must be an HTTP GET on " + path);
        }
    }

    private static void resources(List<String> violations, String where, ResourceRequirements r) {
        for (String resource : List.of("cpu", "memory")) {
            if (r == null || r.getRequests() == null || r.getRequests().get(resource) == null) {
                violations.add(where + ": no " + resource + " request");
            }
            if (r == null || r.getLimits() == null || r.getLimits().get(resource) == null) {
                violations.add(where + ": no " + resource + " limit");
            }
        }
    }

    private static void security(List<String> violations, String where, PodSecurityContext pod, SecurityContext c) {
        boolean nonRoot = (c != null && Boolean.TRUE.equals(c.getRunAsNonRoot()))
                || ((c == null || c.getRunAsNonRoot() == null) && pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot()));
        if (!nonRoot) {
            violations.add(where + ": runAsNonRoot must be true");
        }
        if (c == null || !Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())) {
            violations.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (c == null || !Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            violations.add(where + ": allowPrivilegeEscalation must be false");
        }
    }

    // ---- Kafka --------------------------------------------------------------------------------------------

    /** Every topic a service uses has a KafkaTopic, and so does its dead-letter topic {@code <topic>.dlq}. */
    static List<String> topicsExist(Set<String> usedTopics, Collection<JsonNode> kafkaTopics) {
        Set<String> declared = kafkaTopics.stream().map(ManifestRules::topicName).collect(Collectors.toSet());
        Set<String> required = new TreeSet<>();
        for (String topic : usedTopics) {
            required.add(topic);
            if (!topic.endsWith(".dlq")) {
                required.add(topic + ".dlq");
            }
        }
        return required.stream().filter(t -> !declared.contains(t)).map(t -> "no KafkaTopic for topic " + t).toList();
    }

    static String topicName(JsonNode topic) {
        String explicit = topic.path("spec").path("topicName").asText("");
        return explicit.isEmpty() ? topic.path("metadata").path("name").asText() : explicit;
    }

    /** Strimzi resources belong to a rendered Kafka cluster through their {@code strimzi.io/cluster} label. */
    static List<String> strimziResourcesBelongToACluster(Collection<JsonNode> kafkas, Collection<JsonNode> resources) {
        Set<String> clusters = kafkas.stream().map(k -> k.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
        List<String> violations = new ArrayList<>();
        for (JsonNode r : resources) {
            JsonNode label = r.path("metadata").path("labels").path("strimzi.io/cluster");
            String cluster = label.isTextual() ? label.asText() : null;
            if (cluster == null || !clusters.contains(cluster)) {
                violations.add(Manifests.describe(r) + ": label strimzi.io/cluster=" + cluster + " names no rendered Kafka " + clusters);
            }
        }
        return violations;
    }

    /**
     * Every consumer can give each of its replicas a partition: the input topics of a Deployment have at least
     * as many partitions as its HPA's maxReplicas (extra replicas would sit idle on the Kafka side).
     */
    static List<String> partitionsCoverReplicas(Map<String, Set<String>> inputsByDeployment, Collection<HorizontalPodAutoscaler> hpas,
                                                Collection<JsonNode> topics) {
        Map<String, Integer> partitions = new TreeMap<>();
        topics.forEach(t -> partitions.put(topicName(t), t.path("spec").path("partitions").asInt(0)));
        List<String> violations = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : hpas) {
            String deployment = hpa.getSpec().getScaleTargetRef().getName();
            int max = Optional.ofNullable(hpa.getSpec().getMaxReplicas()).orElse(0);
            for (String topic : inputsByDeployment.getOrDefault(deployment, Set.of())) {
                Integer count = partitions.get(topic);
                if (count != null && count < max) {
                    violations.add("KafkaTopic " + topic + ": " + count + " partitions < maxReplicas " + max + " of HPA/"
                            + hpa.getMetadata().getName() + " (its consumer)");
                }
            }
        }
        return violations;
    }

    /**
     * A Deployment that consumes Kafka topics scales on its consumer group's lag: its HPA has an External metric
     * {@code kafka_consumergroup_lag} selecting one of the Deployment's consumer groups.
     */
    static List<String> consumersScaleOnLag(Map<String, Set<String>> groupsByDeployment, Collection<HorizontalPodAutoscaler> hpas) {
        List<String> violations = new ArrayList<>();
        for (var entry : groupsByDeployment.entrySet()) {
            String deployment = entry.getKey();
            List<HorizontalPodAutoscaler> own = hpas.stream()
                    .filter(h -> deployment.equals(h.getSpec().getScaleTargetRef().getName())).toList();
            boolean onLag = own.stream().flatMap(h -> Optional.ofNullable(h.getSpec().getMetrics()).orElse(List.of()).stream())
                    .filter(m -> "External".equals(m.getType()) && m.getExternal() != null && m.getExternal().getMetric() != null)
                    .anyMatch(m -> LAG_METRIC.equals(m.getExternal().getMetric().getName())
                            && m.getExternal().getMetric().getSelector() != null
                            && entry.getValue().contains(Optional.ofNullable(m.getExternal().getMetric().getSelector().getMatchLabels())
                                    .orElse(Map.of()).get("consumergroup")));
            if (!entry.getValue().isEmpty() && !own.isEmpty() && !onLag) {
                violations.add("HPA for Deployment/" + deployment + ": consumes as " + entry.getValue() + " but has no External metric "
                        + LAG_METRIC + " for that consumergroup");
            }
        }
        return violations;
    }

    static final String LAG_METRIC = "kafka_consumergroup_lag";

    // ---- Secrets --------------------------------------------------------------------------------------------

    /** Secret name -> where it is referenced (pod env, envFrom, volumes, image pull secrets, Ingress TLS, CRs). */
    static Map<String, List<String>> secretReferences(Collection<Deployment> deployments, Collection<Ingress> ingresses,
                                                      Collection<JsonNode> customResources) {
        return secretReferences(deployments, ingresses, List.of(), customResources);
    }

    static Map<String, List<String>> secretReferences(Collection<Deployment> deployments, Collection<Ingress> ingresses,
                                                      Collection<Gateway> gateways, Collection<JsonNode> customResources) {
        Map<String, List<String>> refs = new TreeMap<>();
        Function<String, List<String>> at = name -> refs.computeIfAbsent(name, k -> new ArrayList<>());
        for (Deployment deployment : deployments) {
            String d = "Deployment/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Stream.concat(pod.getContainers().stream(), Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream())
                    .forEach(c -> {
                        for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                                at.apply(env.getValueFrom().getSecretKeyRef().getName()).add(d + " env " + env.getName());
                            }
                        }
                        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                            if (from.getSecretRef() != null) {
                                at.apply(from.getSecretRef().getName()).add(d + " envFrom");
                            }
                        }
                    });
            for (Volume v : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (v.getSecret() != null) {
                    at.apply(v.getSecret().getSecretName()).add(d + " volume " + v.getName());
                }
                if (v.getProjected() != null) {
                    for (VolumeProjection p : v.getProjected().getSources()) {
                        if (p.getSecret() != null) {
                            at.apply(p.getSecret().getName()).add(d + " projected volume " + v.getName());
                        }
                    }
                }
            }
            Optional.ofNullable(pod.getImagePullSecrets()).orElse(List.of())
                    .forEach(s -> at.apply(s.getName()).add(d + " imagePullSecrets"));
        }
        for (Ingress ingress : ingresses) {
            for (IngressTLS tls : Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of())) {
                if (tls.getSecretName() != null) {
                    at.apply(tls.getSecretName()).add("Ingress/" + ingress.getMetadata().getName() + " tls");
                }
            }
        }
        for (Gateway gateway : gateways) {
            for (Listener listener : gateway.getSpec().getListeners()) {
                if (listener.getTls() == null || listener.getTls().getCertificateRefs() == null) {
                    continue;
                }
                listener.getTls().getCertificateRefs().stream()
                        .filter(ref -> ref.getKind() == null || "Secret".equals(ref.getKind()))
                        .filter(ref -> ref.getNamespace() == null)
                        .forEach(ref -> at.apply(ref.getName()).add("Gateway/" + gateway.getMetadata().getName() + " listener "
                                + listener.getName()));
            }
        }
        for (JsonNode cr : customResources) {
            // Barman object-store credentials: {name, key} pairs under s3Credentials / azureCredentials / googleCredentials.
            for (String credentials : List.of("s3Credentials", "azureCredentials", "googleCredentials")) {
                for (JsonNode holder : cr.findValues(credentials)) {
                    holder.forEach(ref -> {
                        if (ref.hasNonNull("name")) {
                            at.apply(ref.get("name").asText()).add(Manifests.describe(cr) + " " + credentials);
                        }
                    });
                }
            }
        }
        return refs;
    }

    /** Every referenced Secret is rendered or documented as created outside the manifests. */
    static List<String> secretsAreProvided(Map<String, List<String>> references, Set<String> renderedSecrets,
                                           Set<String> documentedSecrets) {
        return references.entrySet().stream()
                .filter(e -> !renderedSecrets.contains(e.getKey()) && !documentedSecrets.contains(e.getKey()))
                .map(e -> "Secret " + e.getKey() + " (used by " + String.join(", ", e.getValue().stream().distinct().toList())
                        + ") is neither rendered nor listed in docs/operations.md")
                .toList();
    }

    // ---- Services, Ingress, NetworkPolicy -------------------------------------------------------------------

    /** Every Service selects the pods of some Deployment, and its named target ports exist on them. */
    static List<String> servicesSelectDeployments(Collection<Service> services, Collection<Deployment> deployments) {
        List<String> violations = new ArrayList<>();
        for (Service service : services) {
            String s = "Service/" + service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                violations.add(s + ": empty selector");
                continue;
            }
            List<Deployment> matching = deployments.stream()
                    .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet())).toList();
            if (matching.isEmpty()) {
                violations.add(s + ": selector " + selector + " matches no Deployment's pod labels");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort();
                if (target != null && target.getStrVal() != null) {
                    for (Deployment d : matching) {
                        if (!containerPortNames(d).contains(target.getStrVal())) {
                            violations.add(s + ": targetPort " + target.getStrVal() + " is not a container port of Deployment/"
                                    + d.getMetadata().getName());
                        }
                    }
                }
            }
        }
        return violations;
    }

    /** Every Ingress path has a backend Service that exists and exposes the named/numbered port. */
    static List<String> ingressBackendsExist(Collection<Ingress> ingresses, Collection<Service> services) {
        Map<String, Service> byName = services.stream().collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        List<String> violations = new ArrayList<>();
        for (Ingress ingress : ingresses) {
            String i = "Ingress/" + ingress.getMetadata().getName();
            for (IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                if (rule.getHttp() == null || rule.getHttp().getPaths() == null || rule.getHttp().getPaths().isEmpty()) {
                    violations.add(i + ": rule for host " + rule.getHost() + " has no HTTP paths");
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressBackend backend = path.getBackend();
                    if (backend == null || backend.getService() == null) {
                        violations.add(i + " " + path.getPath() + ": no backend service");
                        continue;
                    }
                    Service target = byName.get(backend.getService().getName());
                    if (target == null) {
                        violations.add(i + " " + path.getPath() + ": Service " + backend.getService().getName() + " is not rendered");
                        continue;
                    }
                    var port = backend.getService().getPort();
                    boolean portExists = port != null && target.getSpec().getPorts().stream().anyMatch(p ->
                            (port.getName() != null && port.getName().equals(p.getName()))
                                    || (port.getNumber() != null && port.getNumber().equals(p.getPort())));
                    if (!portExists) {
                        violations.add(i + " " + path.getPath() + ": Service " + target.getMetadata().getName() + " has no port " + port);
                    }
                }
            }
        }
        return violations;
    }

    /** Every Deployment's pods are selected by a NetworkPolicy restricting both ingress and egress. */
    static List<String> deploymentsHaveNetworkPolicies(Collection<Deployment> deployments, Collection<NetworkPolicy> policies) {
        List<String> violations = new ArrayList<>();
        for (Deployment d : deployments) {
            boolean covered = policies.stream().anyMatch(p -> selects(p.getSpec().getPodSelector(), podLabels(d))
                    && p.getSpec().getPolicyTypes() != null
                    && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
            if (!covered) {
                violations.add("Deployment/" + d.getMetadata().getName() + ": no NetworkPolicy with Ingress and Egress selects its pods");
            }
        }
        return violations;
    }

    // ---- Gateway API --------------------------------------------------------------------------------------------

    /**
     * Every HTTPRoute attaches to a Gateway (one rendered in the same namespace, or an explicitly named one in
     * another namespace: a shared, platform-owned Gateway), each of its rules matches path prefixes that start
     * with "/" and sends them to a rendered Service port.
     */
    static List<String> httpRoutesResolve(Collection<HTTPRoute> routes, Collection<Gateway> gateways, Collection<Service> services) {
        Map<String, Service> byName = services.stream().collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        Map<String, Gateway> gatewayByName = gateways.stream().collect(Collectors.toMap(g -> g.getMetadata().getName(), g -> g));
        List<String> violations = new ArrayList<>();
        for (HTTPRoute route : routes) {
            String r = "HTTPRoute/" + route.getMetadata().getName();
            List<ParentReference> parents = Optional.ofNullable(route.getSpec().getParentRefs()).orElse(List.of());
            if (parents.isEmpty()) {
                violations.add(r + ": no parentRefs (attached to no Gateway)");
            }
            for (ParentReference parent : parents) {
                boolean sameNamespace = parent.getNamespace() == null
                        || parent.getNamespace().equals(route.getMetadata().getNamespace());
                if (sameNamespace) {
                    Gateway gateway = gatewayByName.get(parent.getName());
                    if (gateway == null) {
                        violations.add(r + ": parentRef Gateway " + parent.getName() + " is not rendered in its namespace");
                    } else if (parent.getSectionName() != null && gateway.getSpec().getListeners().stream()
                            .noneMatch(l -> parent.getSectionName().equals(l.getName()))) {
                        violations.add(r + ": Gateway " + parent.getName() + " has no listener " + parent.getSectionName());
                    }
                }
            }
            List<HTTPRouteRule> rules = Optional.ofNullable(route.getSpec().getRules()).orElse(List.of());
            if (rules.isEmpty()) {
                violations.add(r + ": no rules");
            }
            for (HTTPRouteRule rule : rules) {
                for (HTTPRouteMatch match : Optional.ofNullable(rule.getMatches()).orElse(List.of())) {
                    if (match.getPath() != null && (match.getPath().getValue() == null || !match.getPath().getValue().startsWith("/"))) {
                        violations.add(r + ": path " + match.getPath().getValue() + " does not start with /");
                    }
                }
                boolean redirect = Optional.ofNullable(rule.getFilters()).orElse(List.of()).stream()
                        .anyMatch(f -> "RequestRedirect".equals(f.getType()));
                List<HTTPBackendRef> backends = Optional.ofNullable(rule.getBackendRefs()).orElse(List.of());
                if (backends.isEmpty() && !redirect) {
                    violations.add(r + ": a rule has neither backendRefs nor a redirect");
                }
                for (HTTPBackendRef backend : backends) {
                    if (backend.getKind() != null && !"Service".equals(backend.getKind())) {
                        continue;
                    }
                    Service target = byName.get(backend.getName());
                    if (target == null) {
                        violations.add(r + ": backend Service " + backend.getName() + " is not rendered");
                    } else if (backend.getPort() == null || target.getSpec().getPorts().stream()
                            .noneMatch(p -> backend.getPort().equals(p.getPort()))) {
                        violations.add(r + ": Service " + backend.getName() + " has no port " + backend.getPort());
                    }
                }
            }
        }
        return violations;
    }

    // ---- images ----------------------------------------------------------------------------------------------

    /**
     * An image without a digest is mutable, so it is pulled {@code Always} (with IfNotPresent a node keeps running
     * whatever it pulled first). With {@code requireDigestFor}, those images must carry a digest at all.
     */
    static List<String> imagesArePinned(Collection<Deployment> deployments, Set<String> requireDigestFor) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : deployments) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Stream.concat(pod.getContainers().stream(), Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream())
                    .forEach(c -> {
                        String where = "Deployment/" + deployment.getMetadata().getName() + " container " + c.getName();
                        String image = Optional.ofNullable(c.getImage()).orElse("");
                        boolean digest = image.matches(".+@sha256:[0-9a-f]{64}");
                        String repository = image.replaceAll("@.*$", "").replaceAll(":[^:/]+$", "");
                        boolean mustPin = requireDigestFor.stream().anyMatch(repository::endsWith);
                        if (mustPin && !digest) {
                            violations.add(where + ": image " + image + " is not pinned by a sha256 digest");
                        }
                        if (!digest && !"Always".equals(c.getImagePullPolicy())) {
                            violations.add(where + ": mutable image " + image + " with imagePullPolicy "
                                    + c.getImagePullPolicy() + " (use a digest, or Always)");
                        }
                        if (image.isEmpty() || image.endsWith(":latest") || !image.contains("/")) {
                            violations.add(where + ": image '" + image + "' names no registry or uses :latest");
                        }
                    });
        }
        return violations;
    }

    // ---- endpoints the pods must reach ---------------------------------------------------------------------

    /** The environment a container sees: its env values plus the ConfigMaps it reads with envFrom. */
    static Map<String, String> environment(Container c, Collection<ConfigMap> configMaps) {
        Map<String, ConfigMap> byName = configMaps.stream().collect(Collectors.toMap(m -> m.getMetadata().getName(), m -> m, (a, b) -> a));
        Map<String, String> env = new TreeMap<>();
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null && byName.containsKey(from.getConfigMapRef().getName())) {
                String prefix = Optional.ofNullable(from.getPrefix()).orElse("");
                Optional.ofNullable(byName.get(from.getConfigMapRef().getName()).getData()).orElse(Map.of())
                        .forEach((k, v) -> env.put(prefix + k, v));
            }
        }
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }

    /**
     * The identity configuration is complete and reachable: every service container has JWT_ISSUER and a
     * JWT_PUBLIC_KEY_LOCATION that is either an https JWKS URL, whose port a NetworkPolicy lets the pod reach,
     * or a file on a mounted volume. An OTLP endpoint, where set, is reachable the same way.
     */
    static List<String> configuredEndpointsAreReachable(Collection<Deployment> deployments, Collection<ConfigMap> configMaps,
                                                        Collection<NetworkPolicy> policies) {
        List<String> violations = new ArrayList<>();
        for (Deployment d : deployments) {
            if (!"api".equals(podLabels(d).get("app.kubernetes.io/component"))) {
                continue;
            }
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = "Deployment/" + d.getMetadata().getName() + " container " + c.getName();
                Map<String, String> env = environment(c, configMaps);
                String key = env.get("JWT_PUBLIC_KEY_LOCATION");
                if (env.get("JWT_ISSUER") == null || env.get("JWT_ISSUER").isBlank()) {
                    violations.add(where + ": no JWT_ISSUER");
                }
                if (key == null || key.isBlank()) {
                    violations.add(where + ": no JWT_PUBLIC_KEY_LOCATION");
                } else if (key.startsWith("https://")) {
                    int port = urlPort(key, 443);
                    if (!egressAllowsPort(d, policies, port)) {
                        violations.add(where + ": JWKS " + key + " but no NetworkPolicy allows egress to port " + port);
                    }
                } else if (key.startsWith("http://")) {
                    violations.add(where + ": JWKS over plain http: " + key);
                } else {
                    boolean mounted = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                            .anyMatch(m -> key.startsWith(m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/"));
                    if (!mounted) {
                        violations.add(where + ": JWT_PUBLIC_KEY_LOCATION " + key + " is on no mounted volume");
                    }
                }
                String otlp = env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
                if (otlp != null && !otlp.isBlank()) {
                    int port = urlPort(otlp, otlp.startsWith("https") ? 443 : 4317);
                    if (!egressAllowsPort(d, policies, port)) {
                        violations.add(where + ": OTLP endpoint " + otlp + " but no NetworkPolicy allows egress to port " + port);
                    }
                }
            }
        }
        return violations;
    }

    private static int urlPort(String url, int defaultPort) {
        try {
            int port = java.net.URI.create(url).getPort();
            return port > 0 ? port : defaultPort;
        } catch (IllegalArgumentException e) {
            return defaultPort;
        }
    }

    private static boolean egressAllowsPort(Deployment d, Collection<NetworkPolicy> policies, int port) {
        return policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes() != null && p.getSpec().getPolicyTypes().contains("Egress"))
                .filter(p -> selects(p.getSpec().getPodSelector(), podLabels(d)))
                .flatMap(p -> Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).stream())
                .anyMatch(rule -> rule.getPorts() == null || rule.getPorts().stream().anyMatch(p -> p.getPort() != null
                        && p.getPort().getIntVal() != null && p.getPort().getIntVal() == port));
    }

    // ---- availability (prod) -------------------------------------------------------------------------------

    /** Every Deployment has an autoscaling/v2 HPA targeting it and a PDB selecting its pods. */
    static List<String> deploymentsHaveHpaAndPdb(Collection<Deployment> deployments, Collection<HorizontalPodAutoscaler> hpas,
                                                 Collection<PodDisruptionBudget> pdbs) {
        List<String> violations = new ArrayList<>();
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            boolean hpa = hpas.stream().anyMatch(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                    && name.equals(h.getSpec().getScaleTargetRef().getName()));
            if (!hpa) {
                violations.add("Deployment/" + name + ": no HorizontalPodAutoscaler");
            }
            boolean pdb = pdbs.stream().anyMatch(p -> selects(p.getSpec().getSelector(), podLabels(d)));
            if (!pdb) {
                violations.add("Deployment/" + name + ": no PodDisruptionBudget selects its pods");
            }
        }
        return violations;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static Map<String, String> podLabels(Deployment d) {
        return Optional.ofNullable(d.getSpec().getTemplate().getMetadata().getLabels()).orElse(Map.of());
    }

    private static Set<String> containerPortNames(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                .map(ContainerPort::getName).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** matchLabels only (what we use); an empty selector selects everything, as in Kubernetes. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            return false; // not supported by this check: be strict rather than wrong
        }
        Map<String, String> match = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        return labels.entrySet().containsAll(match.entrySet());
    }
}
