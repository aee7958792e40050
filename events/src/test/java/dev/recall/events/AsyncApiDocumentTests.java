package dev.recall.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * events/asyncapi.yaml says what the code does: a message per {@link EventType} on its topic's channel, with the
 * envelope and data schemas the contract checks, a channel per topic of {@link Topics}, and a receive operation per
 * consumer channel the services configure. (contract/lint.sh validates the document as AsyncAPI 3.)
 */
class AsyncApiDocumentTests {

    static final Path ROOT = Path.of(System.getProperty("recall.project.root", "..")); // surefire sets it
    static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("events/asyncapi.yaml").toFile());
    }

    /** The channel whose address is {@code topic}, by its key in the document. */
    static String channelOf(String topic) {
        List<String> keys = new ArrayList<>();
        doc.path("channels").fields().forEachRemaining(e -> {
            if (e.getValue().path("address").asText().equals(topic)) {
                keys.add(e.getKey());
            }
        });
        assertThat(keys).as("channels with address %s", topic).hasSize(1);
        return keys.get(0);
    }

    static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = doc.at(ref.substring(1));
        assertThat(target.isMissingNode()).as(ref).isFalse();
        return resolve(target);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOnItsTopicWithTheContractsSchemas(EventType type) {
        String name = type.schemaResource().replace("/schemas/", "").replace(".json", "");
        JsonNode message = resolve(doc.path("channels").path(channelOf(type.topic())).path("messages").path(name));
        assertThat(message.path("name").asText()).isEqualTo(type.ceType());

        JsonNode payload = resolve(message.path("payload"));
        JsonNode envelope = payload.path("allOf").get(0);
        JsonNode specific = payload.path("allOf").get(1).path("properties");
        assertThat(envelope.path("$ref").asText()).isEqualTo("./src/main/resources/schemas/CloudEvent.json");
        assertThat(specific.path("type").path("const").asText()).isEqualTo(type.ceType());
        assertThat(specific.path("dataschema").path("const").asText()).isEqualTo(type.dataSchema());
        assertThat(specific.path("data").path("$ref").asText()).isEqualTo("./src/main/resources" + type.schemaResource());
        assertThat(ROOT.resolve("events").resolve(specific.path("data").path("$ref").asText())).exists();

        // An event as the producers write it passes the schemas the message names.
        CloudEvent event = EventCodec.envelope("/test", "k1", "acme", EventContractTests.sample(type), EventContractTests.T);
        assertThat(event.dataschema()).isEqualTo(specific.path("dataschema").path("const").asText());
        assertThat(EventContract.violations(EventCodec.toJson(event))).isEmpty();
    }

    @Test
    void everyTopicHasAChannelAndEveryChannelIsATopic() {
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
        // A sender for every event type.
        Set<String> sent = new TreeSet<>();
        doc.path("operations").forEach(op -> {
            if (op.path("action").asText().equals("send")) {
                sent.add(resolve(op.path("channel")).path("address").asText());
            }
        });
        assertThat(sent).containsAll(Topics.EVENT_TOPICS);
    }

    /** Every consumer channel of a service: its topic is received by that group, its dead-letter topic is a channel. */
    @Test
    void everyConsumerTheServicesConfigureIsAReceiveOperation() throws IOException {
        Map<String, Set<String>> groupsByTopic = new HashMap<>();
        doc.path("operations").forEach(op -> {
            if (op.path("action").asText().equals("receive")) {
                Set<String> groups = groupsByTopic.computeIfAbsent(resolve(op.path("channel")).path("address").asText(), t -> new TreeSet<>());
                op.path("bindings").path("kafka").path("groupId").path("enum").forEach(g -> groups.add(g.asText()));
            }
        });
        int consumers = 0;
        for (String service : List.of("content-service", "quiz-service", "progress-service")) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && !key.contains("dead-letter")) {
                    String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".topic".length());
                    String topic = properties.getProperty(key);
                    String group = properties.getProperty("mp.messaging.incoming." + channel + ".group.id");
                    assertThat(groupsByTopic.getOrDefault(topic, Set.of())).as("%s receives %s as %s", service, topic, group).contains(group);
                    channelOf(properties.getProperty("mp.messaging.incoming." + channel + ".dead-letter-queue.topic"));
                    consumers++;
                }
            }
        }
        assertThat(consumers).isEqualTo(3);
    }
}
