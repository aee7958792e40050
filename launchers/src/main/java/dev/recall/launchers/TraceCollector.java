package dev.recall.launchers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP/HTTP trace receiver for the local stack and the end-to-end tests: the services export their
 * spans here ({@code http/protobuf}) and a test can ask which spans arrived. It keeps the newest
 * {@value #CAPACITY} spans in memory. Only the fields a test needs are decoded, with a minimal protobuf
 * reader (the OTLP messages are stable: opentelemetry-proto's trace/v1 and collector/trace/v1).
 */
public final class TraceCollector implements AutoCloseable {

    static final int CAPACITY = 20_000;

    /** One received span; ids in lower-case hex as in a W3C traceparent; parent empty for a root span. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name) {
    }

    private final HttpServer server;
    private final Deque<Span> spans = new ArrayDeque<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port of 127.0.0.1; any POST path is taken as an OTLP trace export. */
    public static TraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraceCollector collector = new TraceCollector(server);
            server.createContext("/", collector::handle);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException("trace collector did not start", e);
        }
    }

    /** Base URL for {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} with protocol {@code http/protobuf}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized List<Span> spans() {
        return new ArrayList<>(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            List<Span> received;
            try {
                received = decodeExport(body.readAllBytes());
            } catch (RuntimeException notOtlp) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            synchronized (this) {
                for (Span span : received) {
                    spans.addLast(span);
                    if (spans.size() > CAPACITY) {
                        spans.removeFirst();
                    }
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
        }
    }

    /** ExportTraceServiceRequest: 1 = ResourceSpans. */
    static List<Span> decodeExport(byte[] message) {
        List<Span> out = new ArrayList<>();
        for (Field resourceSpans : Field.all(message)) {
            if (resourceSpans.number == 1) {
                decodeResourceSpans(resourceSpans.bytes, out);
            }
        }
        return out;
    }

    /** ResourceSpans: 1 = Resource (1 = KeyValue attributes), 2 = ScopeSpans (2 = Span). */
    private static void decodeResourceSpans(byte[] message, List<Span> out) {
        String service = "";
        List<byte[]> scopes = new ArrayList<>();
        for (Field field : Field.all(message)) {
            if (field.number == 1) {
                for (Field attribute : Field.all(field.bytes)) {
                    if (attribute.number == 1) {
                        String[] keyValue = stringAttribute(attribute.bytes);
                        if ("service.name".equals(keyValue[0])) {
                            service = keyValue[1];
                        }
                    }
                }
            } else if (field.number == 2) {
                scopes.add(field.bytes);
            }
        }
        for (byte[] scope : scopes) {
            for (Field span : Field.all(scope)) {
                if (span.number == 2) {
                    out.add(decodeSpan(service, span.bytes));
                }
            }
        }
    }

    /** Span: 1 = trace_id, 2 = span_id, 4 = parent_span_id, 5 = name. */
    private static Span decodeSpan(String service, byte[] message) {
        String traceId = "", spanId = "", parent = "", name = "";
        HexFormat hex = HexFormat.of();
        for (Field field : Field.all(message)) {
            switch (field.number) {
                case 1 -> traceId = hex.formatHex(field.bytes);
                case 2 -> spanId = hex.formatHex(field.bytes);
                case 4 -> parent = hex.formatHex(field.bytes);
                case 5 -> name = new String(field.bytes, StandardCharsets.UTF_8);
                default -> { }
            }
        }
        return new Span(service, traceId, spanId, parent, name);
    }

    /** KeyValue (1 = key, 2 = AnyValue with 1 = string_value) as {key, value-or-empty}. */
    private static String[] stringAttribute(byte[] message) {
        String key = "", value = "";
        for (Field field : Field.all(message)) {
            if (field.number == 1) {
                key = new String(field.bytes, StandardCharsets.UTF_8);
            } else if (field.number == 2) {
                for (Field any : Field.all(field.bytes)) {
                    if (any.number == 1) {
                        value = new String(any.bytes, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return new String[] {key, value};
    }

    /** One protobuf field; {@code bytes} is set for length-delimited ones, the others are skipped. */
    record Field(int number, byte[] bytes) {

        static List<Field> all(byte[] message) {
            List<Field> fields = new ArrayList<>();
            ByteArrayInputStream in = new ByteArrayInputStream(message);
            while (in.available() > 0) {
                long tag = varint(in);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> varint(in);
                    case 1 -> skip(in, 8);
                    case 2 -> {
                        int length = Math.toIntExact(varint(in));
                        if (length > in.available()) {
                            throw new IllegalArgumentException("truncated field " + number);
                        }
                        byte[] bytes = new byte[length];
                        in.read(bytes, 0, length);
                        fields.add(new Field(number, bytes));
                    }
                    case 5 -> skip(in, 4);
                    default -> throw new IllegalArgumentException("unsupported wire type in field " + number);
                }
            }
            return fields;
        }

        private static long varint(ByteArrayInputStream in) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalArgumentException("truncated varint");
                }
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        private static void skip(ByteArrayInputStream in, int n) {
            if (in.skip(n) != n) {
                throw new IllegalArgumentException("truncated fixed field");
            }
        }
    }
}
