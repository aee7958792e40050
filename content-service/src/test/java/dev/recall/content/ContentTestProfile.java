package dev.recall.content;

import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One real broker and a fresh database for every content-service test (shared by all test classes). */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "recall_content_test"))
public final class ContentTestProfile {
    private ContentTestProfile() {
    }
}
