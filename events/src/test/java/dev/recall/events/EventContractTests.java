package dev.recall.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTests {

    static final Instant T = Instant.parse("2026-11-25T10:15:30Z");

    static EventData sample(EventType type) {
        var snapshot = new NoteEvents.NoteSnapshot("n1", "acme", "u1", "Closures", "# Closures\nQ::A", List.of("python"),
                "d1", "en", "private", 1, List.of(new NoteEvents.Section("s1", 1, "Closures", List.of("Closures"), 1, 2)), T);
        var item = new ItemEvents.Item("i1", "BASIC", "Q", List.of("A"), null, List.of("Closures"), null, List.of());
        return switch (type) {
            case NOTE_PUBLISHED -> new NoteEvents.NotePublished(snapshot);
            case NOTE_UPDATED -> new NoteEvents.NoteUpdated(snapshot);
            case NOTE_DELETED -> new NoteEvents.NoteDeleted("n1", "acme", 2, T);
            case ITEMS_UPSERTED -> new ItemEvents.ItemsUpserted("n1", "acme", "u1", "tenant", null, 1, List.of(item));
            case ITEMS_RETIRED -> new ItemEvents.ItemsRetired("n1", "acme", 2, List.of("i1"));
            case ANSWER_GRADED -> new AnswerGraded("a1", "acme", "u2", "i1", "q1", true, 1200, "A", T);
            case REVIEW_RECORDED -> new ReviewRecorded("r1", "acme", "u2", "c1", "i1", 3, "REVIEW", 2.3065, 2.1181, T, T.plusSeconds(86400));
        };
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeRoundTripsAndConformsToItsSchema(EventType type) {
        EventData data = sample(type);
        CloudEvent event = EventCodec.envelope("/test", "n1", "acme", data, T);
        String json = EventCodec.toJson(event);

        assertThat(EventContract.violations(json)).isEmpty();
        CloudEvent parsed = EventCodec.parse(json);
        assertThat(parsed.type()).isEqualTo(type.ceType());
        assertThat(EventCodec.data(parsed)).isEqualTo(data);
        assertThat(type.topic()).isIn(Topics.NOTES, Topics.ITEMS, Topics.ANSWERS, Topics.REVIEWS);
        assertThat(parsed.dataschema()).isEqualTo(type.dataSchema());
    }

    /** dataschema names the schema the data is checked against: its $id, which is the published address. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void dataschemaIsTheIdOfTheSchemaFile(EventType type) throws Exception {
        try (var in = EventContractTests.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            assertThat(EventCodec.mapper().readTree(in).path("$id").asText()).isEqualTo(type.dataSchema());
        }
    }

    @Test
    void extensionAttributesAreAllowedAndIgnoredWhenRead() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var event = EventCodec.envelope("/test", "n1", "acme", sample(EventType.NOTE_DELETED), T, traceparent, "vendor=1");
        ObjectNode tree = EventCodec.mapper().valueToTree(event);
        tree.put("partitionkey", "n1").put("sequence", 7).put("sampled", true);

        assertThat(EventContract.violations(tree.toString())).isEmpty();
        CloudEvent parsed = EventCodec.parse(tree.toString());
        assertThat(parsed.traceparent()).isEqualTo(traceparent);
        assertThat(parsed.tracestate()).isEqualTo("vendor=1");
        assertThat(EventCodec.data(parsed)).isEqualTo(sample(EventType.NOTE_DELETED));

        // Names must be CloudEvents attribute names, values scalars, and a traceparent a W3C one.
        assertThat(EventContract.violations(tree.deepCopy().put("Trace-Id", "x").toString())).isNotEmpty();
        assertThat(EventContract.violations(tree.deepCopy().set("nested", EventCodec.mapper().createObjectNode()).toString())).isNotEmpty();
        assertThat(EventContract.violations(tree.deepCopy().put("traceparent", "not-a-trace").toString())).anyMatch(p -> p.contains("traceparent"));
    }

    @Test
    void schemaRejectsMissingAndOutOfRangeFields() {
        var event = EventCodec.envelope("/test", "c1", "acme", sample(EventType.REVIEW_RECORDED), T);
        ObjectNode tree = EventCodec.mapper().valueToTree(event);
        ((ObjectNode) tree.get("data")).put("rating", 5);
        ((ObjectNode) tree.get("data")).remove("cardId");
        tree.remove("tenant");

        List<String> problems = EventContract.violations(tree.toString());

        assertThat(problems).anyMatch(p -> p.contains("rating"));
        assertThat(problems).anyMatch(p -> p.contains("cardId"));
        assertThat(problems).anyMatch(p -> p.contains("tenant"));
    }

    @Test
    void parseRejectsWhatIsNotAnEvent() {
        assertThatThrownBy(() -> EventCodec.parse("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.parse("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":\"t\"}"))
                .isInstanceOf(MalformedEventException.class);
        CloudEvent unknown = new CloudEvent("1.0", "x", "s", "dev.recall.Nope", "k", T, null, null, "acme", null, null,
                EventCodec.mapper().createObjectNode());
        assertThatThrownBy(() -> EventCodec.data(unknown)).isInstanceOf(MalformedEventException.class);
    }
}
