package dev.recall.quiz;

import dev.recall.testing.KafkaTestResource;
import dev.recall.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One real broker and a fresh database for every quiz-service test (shared by all test classes). */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "recall_quiz_test"))
public final class QuizTestProfile {
    private QuizTestProfile() {
    }
}
