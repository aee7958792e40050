package dev.recall.launchers;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class TraceCollectorTests {

    /** Protobuf length-delimited field, written by hand as the OTLP exporter would. */
    static byte[] field(int number, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(number << 3 | 2);
        int length = value.length;
        while (length >= 0x80) {
            out.write(length & 0x7f | 0x80);
            length >>>= 7;
        }
        out.write(length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anExportedSpanIsReadBackWithItsServiceIdsAndName() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] serviceName = field(1, concat(field(1, text("service.name")), field(2, field(1, text("quiz-service")))));
        byte[] otherAttribute = field(1, concat(field(1, text("host.name")), field(2, field(1, text("vm")))));
        byte[] span = concat(field(1, hex.parseHex("4bf92f3577b34da6a3ce929d0e0e4736")), field(2, hex.parseHex("00f067aa0ba902b7")),
                field(4, hex.parseHex("a3ce929d0e0e4736")), field(5, text("quiz-service.notes process NotePublished")),
                new byte[] {6 << 3, 5}, // kind = CONSUMER, a varint field that is skipped
                new byte[] {7 << 3 | 1, 1, 2, 3, 4, 5, 6, 7, 8}); // start time, fixed64, skipped
        byte[] scopeSpans = field(2, concat(field(1, field(1, text("io.quarkus"))), field(2, span)));
        byte[] request = field(1, concat(field(1, concat(otherAttribute, serviceName)), scopeSpans));

        try (TraceCollector collector = TraceCollector.start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(collector.endpoint() + "/v1/traces"))
                    .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(collector.spans()).containsExactly(new TraceCollector.Span("quiz-service", "4bf92f3577b34da6a3ce929d0e0e4736",
                    "00f067aa0ba902b7", "a3ce929d0e0e4736", "quiz-service.notes process NotePublished"));

            HttpResponse<String> broken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(collector.endpoint() + "/v1/traces"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {10, 100, 1})).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(collector.spans()).hasSize(1);
        }
    }
}
