package dev.recall.deploy.kubernetes;

/** Small objects the rule tests feed to the rules: one Deployment skeleton, one KafkaTopic, strict reading. */
final class RuleFixtures {

    private RuleFixtures() {
    }

    /** The first object of {@code yaml}, read by the strict models (an unknown field fails). */
    static <T> T read(String yaml, Class<T> type) throws Exception {
        return Manifests.STRICT.treeToValue(Manifests.parse(yaml).get(0), type);
    }

    /**
     * A Deployment {@code demo} (pods labelled {@code app: demo}, component {@code api}) with one container
     * {@code demo}: {@code containerFields} are that container's fields, {@code podFields} the pod spec's others.
     */
    static String deployment(String containerFields, String podFields) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: demo}
                spec:
                  selector: {matchLabels: {app: demo}}
                  template:
                    metadata: {labels: {app: demo, app.kubernetes.io/component: api}}
                    spec:
                      containers:
                        - name: demo
                """ + containerFields.indent(10) + podFields.indent(6);
    }

    /** A Strimzi KafkaTopic of the recall-kafka cluster. */
    static String kafkaTopic(String apiVersion, String name, String spec) {
        return """
                apiVersion: %s
                kind: KafkaTopic
                metadata: {name: %s, labels: {strimzi.io/cluster: recall-kafka}}
                spec: %s
                """.formatted(apiVersion, name, spec);
    }
}
