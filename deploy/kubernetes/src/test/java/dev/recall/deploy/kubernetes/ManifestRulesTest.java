package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.recall.deploy.kubernetes.RuleFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule, fed a good object and a deliberately broken one: the checks can fail, and say why. */
class ManifestRulesTest {

    private static final String GOOD_DEPLOYMENT = RuleFixtures.deployment("""
            image: recall/demo:1
            ports: [{name: http, containerPort: 8080}]
            env:
              - name: DB_PASSWORD
                valueFrom: {secretKeyRef: {name: demo-db-app, key: password}}
            resources:
              requests: {cpu: 100m, memory: 128Mi}
              limits: {cpu: 500m, memory: 256Mi}
            startupProbe: {httpGet: {path: /q/health/started, port: http}}
            livenessProbe: {httpGet: {path: /q/health/live, port: http}}
            readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
            securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
            volumeMounts: [{name: tmp, mountPath: /tmp}]
            """, """
            automountServiceAccountToken: false
            securityContext: {runAsNonRoot: true}
            volumes: [{name: tmp, emptyDir: {}}]
            """);

    private static Deployment deployment(String yaml) throws Exception {
        return read(yaml, Deployment.class);
    }

    @Test
    void a_hardened_deployment_passes() throws Exception {
        assertThat(ManifestRules.containersAreHardened(List.of(deployment(GOOD_DEPLOYMENT)))).isEmpty();
    }

    @Test
    void a_container_without_limits_is_reported() throws Exception {
        Deployment broken = deployment(GOOD_DEPLOYMENT.replace("limits: {cpu: 500m, memory: 256Mi}", "limits: {cpu: 500m}"));
        assertThat(ManifestRules.containersAreHardened(List.of(broken)))
                .containsExactly("Deployment/demo container demo: no memory limit");
    }

    @Test
    void a_missing_probe_and_a_writable_root_are_reported() throws Exception {
        Deployment broken = deployment(GOOD_DEPLOYMENT
                .replace("startupProbe: {httpGet: {path: /q/health/started, port: http}}", "")
                .replace("readOnlyRootFilesystem: true, allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"));
        assertThat(ManifestRules.containersAreHardened(List.of(broken))).containsExactlyInAnyOrder(
                "Deployment/demo container demo: no startupProbe",
                "Deployment/demo container demo: readOnlyRootFilesystem must be true",
                "Deployment/demo container demo: allowPrivilegeEscalation must be false");
    }

    @Test
    void a_missing_kafka_topic_and_its_missing_dlq_are_reported() throws Exception {
        JsonNode notes = Manifests.parse(RuleFixtures.kafkaTopic("kafka.strimzi.io/v1", "content.notes.v1", "{partitions: 6, replicas: 3}")).get(0);
        assertThat(ManifestRules.topicsExist(Set.of("content.notes.v1", "quiz.items.v1"), List.of(notes))).containsExactly(
                "no KafkaTopic for topic content.notes.v1.dlq",
                "no KafkaTopic for topic quiz.items.v1",
                "no KafkaTopic for topic quiz.items.v1.dlq");
    }

    @Test
    void an_unprovided_secret_is_reported_and_a_documented_one_is_accepted() throws Exception {
        var refs = ManifestRules.secretReferences(List.of(deployment(GOOD_DEPLOYMENT)), List.of(), List.of());
        assertThat(ManifestRules.secretsAreProvided(refs, Set.of(), Set.of()))
                .containsExactly("Secret demo-db-app (used by Deployment/demo env DB_PASSWORD) is neither rendered nor listed in docs/operations.md");
        assertThat(ManifestRules.secretsAreProvided(refs, Set.of(), Set.of("demo-db-app"))).isEmpty();
    }

    @Test
    void a_service_selecting_no_pods_is_reported() throws Exception {
        Service service = read("""
                apiVersion: v1
                kind: Service
                metadata: {name: demo}
                spec:
                  selector: {app: dmeo}
                  ports: [{name: http, port: 80, targetPort: http}]
                """, Service.class);
        assertThat(ManifestRules.servicesSelectDeployments(List.of(service), List.of(deployment(GOOD_DEPLOYMENT))))
                .containsExactly("Service/demo: selector {app=dmeo} matches no Deployment's pod labels");
        Service fixed = read("""
                apiVersion: v1
                kind: Service
                metadata: {name: demo}
                spec:
                  selector: {app: demo}
                  ports: [{name: http, port: 80, targetPort: http}]
                """, Service.class);
        assertThat(ManifestRules.servicesSelectDeployments(List.of(fixed), List.of(deployment(GOOD_DEPLOYMENT)))).isEmpty();
    }

    @Test
    void an_ingress_rule_without_paths_is_reported() throws Exception {
        // What a strategic-merge patch of spec.rules does: it replaces the whole list, losing the paths.
        Ingress ingress = read("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: recall}
                spec:
                  rules: [{host: api.example}]
                """, Ingress.class);
        assertThat(ManifestRules.ingressBackendsExist(List.of(ingress), List.of()))
                .containsExactly("Ingress/recall: rule for host api.example has no HTTP paths");
    }

    @Test
    void prod_rule_reports_a_deployment_without_hpa_or_pdb() throws Exception {
        assertThat(ManifestRules.deploymentsHaveHpaAndPdb(List.of(deployment(GOOD_DEPLOYMENT)), List.of(), List.of()))
                .containsExactly("Deployment/demo: no HorizontalPodAutoscaler", "Deployment/demo: no PodDisruptionBudget selects its pods");
    }

    @Test
    void a_deployment_without_network_policy_is_reported() throws Exception {
        assertThat(ManifestRules.deploymentsHaveNetworkPolicies(List.of(deployment(GOOD_DEPLOYMENT)), List.of()))
                .containsExactly("Deployment/demo: no NetworkPolicy with Ingress and Egress selects its pods");
    }

    @Test
    void strict_models_reject_a_misspelt_field() {
        JsonNode typo = Manifests.parse(GOOD_DEPLOYMENT.replace("readinessProbe:", "readynessProbe:")).get(0);
        assertThat(Manifests.validate(typo)).singleElement().asString()
                .startsWith("Deployment/demo: Unrecognized field \"readynessProbe\"")
                .endsWith("spec.template.spec.containers[0].readynessProbe");
    }

    @Test
    void the_strimzi_crd_schema_rejects_a_misplaced_field() {
        JsonNode topic = Manifests.parse(RuleFixtures.kafkaTopic("kafka.strimzi.io/v1", "t", "{partitions: 6, replicas: 3, retention.ms: 1000}")).get(0);
        assertThat(Manifests.validate(topic)).singleElement().asString().contains("retention.ms");
    }

    @Test
    void a_v1beta2_strimzi_object_is_refused_with_a_hint() {
        JsonNode topic = Manifests.parse(RuleFixtures.kafkaTopic("kafka.strimzi.io/v1beta2", "t", "{partitions: 6, replicas: 3}")).get(0);
        assertThat(Manifests.validate(topic)).singleElement().asString()
                .contains("no validation known").contains("Strimzi 1.x serves only kafka.strimzi.io/v1");
    }

    @Test
    void structural_checks_catch_a_cnpg_cluster_without_backups_and_a_bad_schedule() {
        JsonNode cluster = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {instances: 1, storage: {size: 1Gi}, bootstrap: {initdb: {database: d, owner: o}}}
                """).get(0);
        assertThat(Manifests.validate(cluster))
                .containsExactly("Cluster/db: no backup: neither a WAL-archiver plugin nor spec.backup.barmanObjectStore");
        JsonNode backup = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: ScheduledBackup
                metadata: {name: b}
                spec: {schedule: "0 2 * * *", cluster: {name: db}}
                """).get(0);
        assertThat(Manifests.validate(backup)).singleElement().asString().contains("six-field cron");
    }

    @Test
    void an_unknown_kind_is_not_silently_accepted() {
        JsonNode job = Manifests.parse("{apiVersion: batch/v1, kind: CronJob, metadata: {name: x}, spec: {}}").get(0);
        assertThat(Manifests.validate(job)).singleElement().asString().contains("no validation known");
    }

    @Test
    void documented_secrets_are_read_from_the_secrets_table_only() {
        List<String> doc = List.of("# Ops", "| `not-this` | x |", "### Secrets created outside the manifests",
                "| Secret | Keys |", "|---|---|", "| `recall-jwt-public-key` | `publicKey.pem` |", "## Scaling", "| `nor-this` |");
        assertThat(ProjectFiles.documentedSecrets(doc)).containsExactly("recall-jwt-public-key");
    }

    @Test
    void missing_kubectl_message_says_how_to_install_it() {
        assertThat(Kustomize.MISSING_KUBECTL).contains("apt-get install kubectl");
    }
}
