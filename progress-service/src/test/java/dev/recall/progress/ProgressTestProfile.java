package dev.recall.progress;

import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One real broker and a fresh database for every progress-service test (shared by all test classes). */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "recall_progress_test"))
public final class ProgressTestProfile {
    private ProgressTestProfile() {
    }
}
