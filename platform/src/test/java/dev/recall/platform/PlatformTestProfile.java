package dev.recall.platform;

import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** A real broker and a fresh database for the platform's tests. */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "recall_platform_test"))
public final class PlatformTestProfile {
    private PlatformTestProfile() {
    }
}
