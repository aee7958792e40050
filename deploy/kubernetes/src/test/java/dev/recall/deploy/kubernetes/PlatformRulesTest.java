package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.recall.deploy.kubernetes.RuleFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules added for Gateway API, pinned images, the identity provider and lag autoscaling: good and broken inputs. */
class PlatformRulesTest {

    private static Deployment deployment(String image, String pullPolicy, String jwks) throws Exception {
        return read(RuleFixtures.deployment("""
                image: %s
                imagePullPolicy: %s
                envFrom: [{configMapRef: {name: identity}}]
                env: [{name: JWT_PUBLIC_KEY_LOCATION, value: "%s"}]
                volumeMounts: [{name: key, mountPath: /etc/recall/jwt}]
                """.formatted(image, pullPolicy, jwks), """
                volumes: [{name: key, secret: {secretName: k}}]
                """), Deployment.class);
    }

    private static final String DIGEST = "@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void images_without_a_digest_must_be_pulled_always_and_prod_images_need_a_digest() throws Exception {
        assertThat(ManifestRules.imagesArePinned(List.of(deployment("registry.example.com/recall/demo" + DIGEST, "IfNotPresent", "x")),
                Set.of("recall/demo"))).isEmpty();
        assertThat(ManifestRules.imagesArePinned(List.of(deployment("registry.example.com/recall/demo:1.0", "Always", "x")), Set.of()))
                .isEmpty();
        assertThat(ManifestRules.imagesArePinned(List.of(deployment("registry.example.com/recall/demo:1.0", "IfNotPresent", "x")),
                Set.of("recall/demo"))).containsExactly(
                "Deployment/demo container demo: image registry.example.com/recall/demo:1.0 is not pinned by a sha256 digest",
                "Deployment/demo container demo: mutable image registry.example.com/recall/demo:1.0 with imagePullPolicy IfNotPresent (use a digest, or Always)");
        assertThat(ManifestRules.imagesArePinned(List.of(deployment("demo:latest", "Always", "x")), Set.of()))
                .containsExactly("Deployment/demo container demo: image 'demo:latest' names no registry or uses :latest");
    }

    private static NetworkPolicy egress(int port) throws Exception {
        return read("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: idp}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/component: api}}
                  policyTypes: [Egress]
                  egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: %d, protocol: TCP}]}]
                """.formatted(port), NetworkPolicy.class);
    }

    private static ConfigMap identity(String issuer) throws Exception {
        return read("{apiVersion: v1, kind: ConfigMap, metadata: {name: identity}, data: {JWT_ISSUER: '" + issuer + "'}}", ConfigMap.class);
    }

    @Test
    void a_jwks_url_needs_an_egress_rule_for_its_port_and_a_pem_file_a_mounted_volume() throws Exception {
        Deployment jwks = deployment("r/x" + DIGEST, "IfNotPresent", "https://idp.example/certs");
        assertThat(ManifestRules.configuredEndpointsAreReachable(List.of(jwks), List.of(identity("https://idp.example")), List.of(egress(443))))
                .isEmpty();
        assertThat(ManifestRules.configuredEndpointsAreReachable(List.of(jwks), List.of(identity("https://idp.example")), List.of(egress(8443))))
                .containsExactly("Deployment/demo container demo: JWKS https://idp.example/certs but no NetworkPolicy allows egress to port 443");
        Deployment customPort = deployment("r/x" + DIGEST, "IfNotPresent", "https://idp.example:8443/certs");
        assertThat(ManifestRules.configuredEndpointsAreReachable(List.of(customPort), List.of(identity("i")), List.of(egress(8443)))).isEmpty();

        Deployment pem = deployment("r/x" + DIGEST, "IfNotPresent", "/etc/recall/jwt/publicKey.pem");
        assertThat(ManifestRules.configuredEndpointsAreReachable(List.of(pem), List.of(identity("i")), List.of())).isEmpty();
        Deployment unmounted = deployment("r/x" + DIGEST, "IfNotPresent", "/etc/elsewhere/publicKey.pem");
        assertThat(ManifestRules.configuredEndpointsAreReachable(List.of(unmounted), List.of(identity("i")), List.of()))
                .containsExactly("Deployment/demo container demo: JWT_PUBLIC_KEY_LOCATION /etc/elsewhere/publicKey.pem is on no mounted volume");
        assertThat(ManifestRules.configuredEndpointsAreReachable(List.of(pem), List.of(), List.of()))
                .containsExactly("Deployment/demo container demo: no JWT_ISSUER");
    }

    private static HorizontalPodAutoscaler hpa(int max, String metrics) throws Exception {
        return read("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: quiz-service}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: quiz-service}
                  minReplicas: 1
                  maxReplicas: %d
                  metrics: %s
                """.formatted(max, metrics), HorizontalPodAutoscaler.class);
    }

    private static final String LAG = "[{type: External, external: {metric: {name: kafka_consumergroup_lag, selector: {matchLabels: "
            + "{consumergroup: quiz-service}}}, target: {type: AverageValue, averageValue: '50'}}}]";
    private static final String CPU = "[{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]";

    @Test
    void a_consumer_hpa_must_scale_on_its_groups_lag() throws Exception {
        Map<String, Set<String>> groups = Map.of("quiz-service", Set.of("quiz-service"));
        assertThat(ManifestRules.consumersScaleOnLag(groups, List.of(hpa(6, LAG)))).isEmpty();
        assertThat(ManifestRules.consumersScaleOnLag(groups, List.of(hpa(6, CPU)))).singleElement().asString()
                .contains("no External metric kafka_consumergroup_lag");
        assertThat(ManifestRules.consumersScaleOnLag(Map.of("quiz-service", Set.of("other-group")), List.of(hpa(6, LAG))))
                .hasSize(1);
    }

    @Test
    void partitions_must_cover_the_consumers_max_replicas() throws Exception {
        JsonNode topic = Manifests.parse("{apiVersion: kafka.strimzi.io/v1, kind: KafkaTopic, metadata: {name: content.notes.v1}, spec: {partitions: 6}}").get(0);
        Map<String, Set<String>> inputs = Map.of("quiz-service", Set.of("content.notes.v1"));
        assertThat(ManifestRules.partitionsCoverReplicas(inputs, List.of(hpa(6, LAG)), List.of(topic))).isEmpty();
        assertThat(ManifestRules.partitionsCoverReplicas(inputs, List.of(hpa(8, LAG)), List.of(topic)))
                .containsExactly("KafkaTopic content.notes.v1: 6 partitions < maxReplicas 8 of HPA/quiz-service (its consumer)");
    }

    private static final String ROUTE = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r}
            spec:
              parentRefs: [%s]
              rules:
                - matches: [{path: {type: PathPrefix, value: %s}}]
                  backendRefs: [{name: web, port: %d}]
            """;

    @Test
    void routes_must_attach_to_a_gateway_listener_and_reach_a_service_port() throws Exception {
        Service web = read("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {a: b}, ports: [{name: http, port: 80}]}}", Service.class);
        Gateway gateway = read("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: gw}
                spec:
                  gatewayClassName: c
                  listeners: [{name: https, protocol: HTTPS, port: 443}]
                """, Gateway.class);
        HTTPRoute good = read(ROUTE.formatted("{name: gw, sectionName: https}", "/api", 80), HTTPRoute.class);
        assertThat(ManifestRules.httpRoutesResolve(List.of(good), List.of(gateway), List.of(web))).isEmpty();
        HTTPRoute shared = read(ROUTE.formatted("{name: public, namespace: gateway-system}", "/api", 80), HTTPRoute.class);
        assertThat(ManifestRules.httpRoutesResolve(List.of(shared), List.of(), List.of(web))).isEmpty();

        HTTPRoute broken = read(ROUTE.formatted("{name: gw, sectionName: http}", "api", 8080), HTTPRoute.class);
        assertThat(ManifestRules.httpRoutesResolve(List.of(broken), List.of(gateway), List.of(web))).containsExactly(
                "HTTPRoute/r: Gateway gw has no listener http",
                "HTTPRoute/r: path api does not start with /",
                "HTTPRoute/r: Service web has no port 8080");
        HTTPRoute orphan = read(ROUTE.formatted("{name: missing}", "/api", 80), HTTPRoute.class);
        assertThat(ManifestRules.httpRoutesResolve(List.of(orphan), List.of(), List.of(web)))
                .containsExactly("HTTPRoute/r: parentRef Gateway missing is not rendered in its namespace");
    }

    @Test
    void strict_gateway_api_models_reject_a_misspelt_field() {
        JsonNode route = Manifests.parse(ROUTE.formatted("{name: gw}", "/api", 80).replace("backendRefs:", "backendRef:")).get(0);
        assertThat(Manifests.validate(route)).isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("backendRef"));
    }

    @Test
    void the_gateway_api_schema_refuses_bad_enums_bounds_and_names_the_typed_model_accepts() {
        String gateway = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: gw}
                spec:
                  gatewayClassName: c
                  listeners:
                    - {name: https, protocol: HTTPS, port: 443, tls: {mode: Terminate, certificateRefs: [{name: t}]},
                       allowedRoutes: {namespaces: {from: Same}}}
                """;
        assertThat(Manifests.validate(Manifests.parse(gateway).get(0))).isEmpty();
        assertThat(Manifests.validate(Manifests.parse(gateway.replace("mode: Terminate", "mode: Terminating")).get(0)))
                .singleElement().asString().contains("mode");
        assertThat(Manifests.validate(Manifests.parse(gateway.replace("port: 443", "port: 70000")).get(0)))
                .singleElement().asString().contains("port");
        assertThat(Manifests.validate(Manifests.parse(gateway.replace("name: https", "name: HTTPS_1")).get(0)))
                .singleElement().asString().contains("name");
        assertThat(Manifests.validate(Manifests.parse(gateway.replace("from: Same", "from: Any")).get(0)))
                .singleElement().asString().contains("from");
        String route = ROUTE.formatted("{name: gw}", "/api", 80);
        assertThat(Manifests.validate(Manifests.parse(route).get(0))).isEmpty();
        assertThat(Manifests.validate(Manifests.parse(route.replace("type: PathPrefix", "type: Prefix")).get(0)))
                .singleElement().asString().contains("type");
    }

    @Test
    void the_kubernetes_openapi_catches_missing_required_fields_that_typed_models_accept() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: c, image: r/i, ports: [{containerPort: 80}]}]
                """;
        assertThat(Manifests.validate(Manifests.parse(deployment).get(0))).isEmpty();
        assertThat(Manifests.validate(Manifests.parse(deployment.replace("  selector: {matchLabels: {a: b}}\n", "")).get(0)))
                .containsExactly("Deployment/d: Kubernetes OpenAPI: The required field `selector` is not found");
        assertThat(Manifests.validate(Manifests.parse(deployment.replace("{name: c, image", "{image")).get(0)))
                .containsExactly("Deployment/d: Kubernetes OpenAPI: The required field `name` is not found");
        assertThat(Manifests.validate(Manifests.parse(deployment.replace("{containerPort: 80}", "{name: http}")).get(0)))
                .containsExactly("Deployment/d: Kubernetes OpenAPI: The required field `containerPort` is not found");
    }

    @Test
    void a_cnpg_cluster_with_an_unknown_or_mistyped_field_is_refused() {
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  instances: %s
                  storage: {size: 1Gi}
                  bootstrap: {initdb: {database: d, owner: o}}
                  plugins: [{name: barman-cloud.cloudnative-pg.io, isWALArchiver: true, parameters: {barmanObjectName: b}}]
                """;
        assertThat(Manifests.validate(Manifests.parse(cluster.formatted("1")).get(0))).isEmpty();
        assertThat(Manifests.validate(Manifests.parse(cluster.formatted("0")).get(0))).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).contains("instances"));
        assertThat(Manifests.validate(Manifests.parse(cluster.formatted("1\n  instanceCount: 1")).get(0)))
                .singleElement().asString().contains("instanceCount");
    }
}
