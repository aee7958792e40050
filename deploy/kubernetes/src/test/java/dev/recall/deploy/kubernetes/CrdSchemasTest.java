package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRD-schema validator on a small CRD of our own, and on the vendored Strimzi 1.2 CRDs. */
class CrdSchemasTest {

    private static final String WIDGET_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          required: [size]
                          properties:
                            size: {x-kubernetes-int-or-string: true}
                            mode: {type: string, enum: [fast, safe]}
                            note: {type: string, nullable: true}
                            config: {type: object, x-kubernetes-preserve-unknown-fields: true}
                            labels: {type: object, additionalProperties: {type: string}}
                - name: v0
                  served: false
                  storage: false
                  schema: {openAPIV3Schema: {type: object}}
            """;

    private static CrdSchemas widgets(Path dir) throws IOException {
        Files.writeString(dir.resolve("widget.yaml"), WIDGET_CRD);
        return CrdSchemas.load(dir);
    }

    private static JsonNode widget(String spec) {
        return Manifests.parse("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: " + spec + "}").get(0);
    }

    @Test
    void a_valid_object_passes_with_int_or_string_nullable_and_preserved_fields(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        CrdSchemas crds = widgets(dir);
        assertThat(crds.validate(widget("{size: 3, mode: fast, note: null, config: {any.thing: 1}, labels: {a: b}}"))).isEmpty();
        assertThat(crds.validate(widget("{size: 50%}"))).isEmpty();
    }

    @Test
    void unknown_fields_wrong_types_enums_and_missing_required_fields_are_refused(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        CrdSchemas crds = widgets(dir);
        assertThat(crds.validate(widget("{size: 1, colour: red}"))).singleElement().asString().contains("colour");
        assertThat(crds.validate(widget("{size: 1, mode: reckless}"))).singleElement().asString().contains("mode");
        assertThat(crds.validate(widget("{mode: fast}"))).singleElement().asString().contains("size");
        assertThat(crds.validate(widget("{size: [1]}"))).isNotEmpty();
        assertThat(crds.validate(widget("{size: 1, labels: {a: 1}}"))).singleElement().asString().contains("labels");
        JsonNode topLevel = Manifests.parse("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: 1}, spce: {}}").get(0);
        assertThat(crds.validate(topLevel)).singleElement().asString().contains("spce");
    }

    @Test
    void only_served_versions_are_known(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        CrdSchemas crds = widgets(dir);
        assertThat(crds.knows(new Manifests.Kind("example.com/v1", "Widget"))).isTrue();
        assertThat(crds.knows(new Manifests.Kind("example.com/v0", "Widget"))).isFalse();
    }

    @Test
    void the_vendored_strimzi_crds_serve_v1_only_and_refuse_fields_removed_from_v1beta2() {
        CrdSchemas crds = Manifests.projectCrds();
        assertThat(crds.kinds()).contains(new Manifests.Kind("kafka.strimzi.io/v1", "Kafka"),
                new Manifests.Kind("kafka.strimzi.io/v1", "KafkaNodePool"), new Manifests.Kind("kafka.strimzi.io/v1", "KafkaTopic"),
                new Manifests.Kind("kafka.strimzi.io/v1", "KafkaUser"));
        assertThat(crds.kinds()).noneMatch(k -> k.apiVersion().equals("kafka.strimzi.io/v1beta2"));

        JsonNode kafkaWithReplicas = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    version: 4.3.0
                    replicas: 3
                    listeners: [{name: tls, port: 9093, type: internal, tls: true}]
                """).get(0);
        assertThat(crds.validate(kafkaWithReplicas)).anySatisfy(m -> assertThat(m).contains("replicas"));

        JsonNode userWithSingularOperation = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u, labels: {strimzi.io/cluster: k}}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls: [{resource: {type: topic, name: t}, operation: Read}]
                """).get(0);
        assertThat(crds.validate(userWithSingularOperation)).anySatisfy(m -> assertThat(m).contains("operation"));

        JsonNode poolWithBadRole = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: p, labels: {strimzi.io/cluster: k}}
                spec: {replicas: 1, roles: [zookeeper], storage: {type: ephemeral}}
                """).get(0);
        assertThat(crds.validate(poolWithBadRole)).anySatisfy(m -> assertThat(m).contains("roles"));
    }
}
