package dev.recall.platform;

import dev.recall.events.CloudEvent;
import dev.recall.events.EventCodec;
import dev.recall.events.NoteEvents;
import dev.recall.events.Topics;
import dev.recall.testing.KafkaTestClient;
import dev.recall.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The platform against the real PostgreSQL and Kafka: the outbox and its relay, the inbox and Idempotency-Key,
 * through the small service in {@link TestApp}.
 */
@QuarkusTest
class PlatformTests {

    static String bootstrap() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    static long rows(String mark) {
        return given().when().get("/test/rows/" + mark).then().statusCode(200).extract().as(Long.class);
    }

    static List<ConsumerRecord<String, String>> readUntil(String key) {
        return KafkaTestClient.read(bootstrap(), Topics.NOTES, Duration.ofSeconds(20),
                seen -> seen.stream().anyMatch(r -> key.equals(r.key())));
    }

    @Test
    void aCommittedEventIsPublishedWithoutWaitingForThePollAndLeavesTheOutbox() {
        String key = "write-" + UUID.randomUUID();
        given().when().post("/test/writes/" + key).then().statusCode(200);

        // The relay polls once an hour here: only the wake after commit can have sent it this soon.
        ConsumerRecord<String, String> record = readUntil(key).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        CloudEvent event = EventCodec.parse(record.value());
        assertThat(event.type()).isEqualTo("dev.recall.content.NoteDeleted");
        assertThat(event.tenant()).isEqualTo("acme");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
        assertThat(rows(key)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().when().get("/test/outbox").then().statusCode(200).body(equalTo("0")));
    }

    @Test
    void aRolledBackWriteLeavesNeitherItsRowNorItsEvent() {
        String failed = "failed-" + UUID.randomUUID();
        String next = "next-" + UUID.randomUUID();
        given().when().post("/test/writes/" + failed + "?fail=true").then().statusCode(greaterThanOrEqualTo(400));
        given().when().post("/test/writes/" + next).then().statusCode(200);

        // The relay sends in commit order: once the later write is on the topic, the failed one would be too.
        List<ConsumerRecord<String, String>> seen = readUntil(next);
        assertThat(seen).extracting(ConsumerRecord::key).doesNotContain(failed);
        assertThat(rows(failed)).isZero();
    }

    static String event(String id) {
        CloudEvent event = EventCodec.envelope("/test", "note-1", "acme",
                new NoteEvents.NoteDeleted("note-1", "acme", 2, Instant.parse("2026-01-01T00:00:00Z")), Instant.now());
        String json = EventCodec.toJson(event);
        return json.replace(event.id(), id);
    }

    @Test
    void theInboxAppliesARedeliveredEventOnce() {
        String id = UUID.randomUUID().toString();
        for (int delivery = 0; delivery < 3; delivery++) {
            given().contentType(ContentType.TEXT).body(event(id)).when().post("/test/events").then().statusCode(200);
        }
        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void aFailedEffectRecordsNothingSoTheNextDeliveryApplies() {
        String id = UUID.randomUUID().toString();
        given().contentType(ContentType.TEXT).body(event(id)).when().post("/test/events?fail=true").then().statusCode(greaterThanOrEqualTo(400));
        assertThat(rows(id)).isZero();

        given().contentType(ContentType.TEXT).body(event(id)).when().post("/test/events").then().statusCode(200);
        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void aMalformedEventIsRefusedAndChangesNothing() {
        given().contentType(ContentType.TEXT).body("{\"id\":\"x\"}").when().post("/test/events").then().statusCode(greaterThanOrEqualTo(400));
        assertThat(rows("x")).isZero();
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        String name = "n-" + key;
        Map<String, Object> body = Map.of("name", name);
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/test/creates").then().statusCode(200).extract().asString();
        String again = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/test/creates").then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(rows("create:" + name)).isEqualTo(1);
        assertThat(first).contains("lockTimeout\\\":\\\"0\\\""); // the claim's 3 s bound ended with the claim

        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("name", "other"))
                .when().post("/test/creates").then().statusCode(422).contentType("application/problem+json");
        assertThat(rows("create:other")).isZero();

        given().contentType(ContentType.JSON).body(body).when().post("/test/creates").then().statusCode(200);
        assertThat(rows("create:" + name)).isEqualTo(2); // no key: no replay
    }

    @Test
    void anIdempotencyKeyWithControlCharactersOrTooLongIsRefusedAndNothingIsWritten() {
        // Sent as raw bytes: HTTP client libraries drop or refuse control characters in headers. (Other control
        // characters than the tab are not HTTP at all: the codec refuses them before any of our code, bare 400.)
        var raw = new dev.recall.testing.security.RawHttp("127.0.0.1", io.restassured.RestAssured.port);
        for (String key : new String[]{"key\twith-tab", "k".repeat(201)}) {
            String name = "bad-key-" + UUID.randomUUID();
            var reply = raw.send("POST", "/test/creates", Map.of("Idempotency-Key", key, "Content-Type", "application/json"),
                    ("{\"name\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(reply.status()).as(key).isEqualTo(400);
            assertThat(reply.header("Content-Type")).as(key).startsWith("application/problem+json");
            assertThat(reply.text()).as(key).contains("Idempotency-Key");
            assertThat(rows("create:" + name)).as(key).isZero();
        }
    }

    @Test
    void aDuplicateWaitsABoundedTimeForTheFirstRequestWithItsKeyThenGetsA409() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "slow-" + key;
        Map<String, Object> body = Map.of("name", name);
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection first = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
            // The first request with this key has claimed it and is still running (its transaction is open).
            first.setAutoCommit(false);
            try (var claim = first.prepareStatement(
                    "INSERT INTO idempotency_key (tenant, user_id, key, request_hash, status) VALUES ('acme', 'alice', ?, 'h', 0)")) {
                claim.setString(1, key);
                claim.executeUpdate();
            }
            // Without a bound the duplicate would park a pooled connection until the first one ends: the socket
            // timeout turns such a hang into a failure of this test.
            var patient = io.restassured.config.RestAssuredConfig.config().httpClient(
                    io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 20_000));
            given().config(patient).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                    .when().post("/test/creates")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("idempotency-key-in-progress"));
            assertThat(rows("create:" + name)).isZero();
            first.rollback();
        }
        // The first attempt gave up: the retry claims the key and runs.
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/test/creates").then().statusCode(200);
        assertThat(rows("create:" + name)).isEqualTo(1);
    }
}
