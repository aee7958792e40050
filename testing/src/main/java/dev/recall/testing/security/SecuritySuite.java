package dev.recall.testing.security;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attacks one running service through every operation its OpenAPI document declares, and reports every answer
 * that breaks the rules of docs/security.md:
 * <ul>
 *   <li>every bad token ({@link BadTokens}) on every operation: 401 (403 allowed) with {@code WWW-Authenticate: Bearer}
 *       and a problem body;</li>
 *   <li>every bad input ({@link BadInputs}) with a valid token: never a 5xx; every 4xx a complete
 *       {@code application/problem+json} naming nothing internal; and a refused write changes no row.</li>
 * </ul>
 * Each service's SecurityTests runs it with fixtures (real ids) so that requests get past "not found".
 */
public final class SecuritySuite {

    /** What a run found. */
    public record Report(int requests, Map<Integer, Integer> statuses, List<String> failures) {
        @Override
        public String toString() {
            return requests + " requests, statuses " + statuses + ", "
                    + failures.size() + " failures" + (failures.isEmpty() ? "" : ":\n  " + String.join("\n  ", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    private static final List<String> INTERNALS = List.of("dev.recall", "java.", "javax.", "com.fasterxml", "org.hibernate", "io.vertx",
            "io.quarkus", "org.jboss", "Exception", "jackson", "FAIL_ON", "SQLState", "SQLSTATE", "PSQL", "at line");

    private final RawHttp http;
    private final Operations operations;
    private final String token;
    private final BadInputs inputs;
    private final RowCounts counts;

    public SecuritySuite(int port, String token, Map<String, String> pathValues, Map<String, Object> bodyValues, RowCounts counts) {
        this.http = new RawHttp("127.0.0.1", port);
        this.token = token;
        this.counts = counts;
        RawHttp.Reply document = http.send("GET", "/q/openapi?format=json", Map.of("Accept", "application/json"), null);
        if (document.status() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + document.status());
        }
        this.operations = Operations.parse(document.text());
        this.inputs = new BadInputs(operations, pathValues, bodyValues);
    }

    public List<Operations.Operation> operations() {
        return operations.all();
    }

    public Report badTokens() {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        for (Operations.Operation op : operations.all()) {
            String target = op.path().replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            for (Map.Entry<String, String> bad : BadTokens.all().entrySet()) {
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                if (bad.getValue() != null) {
                    headers.put("Authorization", "Bearer " + bad.getValue());
                }
                headers.put("Content-Type", op.bodyType() == null ? "application/json" : op.bodyType());
                byte[] body = op.body() == null ? null : "{}".getBytes(StandardCharsets.UTF_8);
                RawHttp.Reply reply = http.send(op.method(), target, headers, body);
                requests++;
                statuses.merge(reply.status(), 1, Integer::sum);
                String where = op + " with " + bad.getKey();
                if (reply.status() != 401 && reply.status() != 403) {
                    failures.add(where + ": " + reply.status() + " " + RawHttp.abbreviate(reply.text()));
                    continue;
                }
                if (reply.status() == 401 && (reply.header("WWW-Authenticate") == null || !reply.header("WWW-Authenticate").startsWith("Bearer"))) {
                    failures.add(where + ": 401 without a Bearer challenge");
                }
                problemFailure(reply).ifPresent(f -> failures.add(where + ": " + f));
            }
        }
        return new Report(requests, statuses, failures);
    }

    public Report badInputs() {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        Map<String, Long> before = counts.snapshot();
        for (Operations.Operation op : operations.all()) {
            for (BadInputs.Case c : inputs.cases(op, auth)) {
                RawHttp.Reply reply = http.send(c.method(), c.target(), c.headers(), c.body());
                requests++;
                statuses.merge(reply.status(), 1, Integer::sum);
                String where = op + " [" + c.label() + "]";
                if (reply.status() >= 500) {
                    failures.add(where + ": " + reply.status() + " " + RawHttp.abbreviate(reply.text()));
                    continue;
                }
                if (reply.status() >= 400) {
                    problemFailure(reply).ifPresent(f -> failures.add(where + ": " + reply.status() + " " + f));
                } else if (c.wrongType()) {
                    failures.add(where + ": a value of the wrong JSON type was accepted (" + reply.status() + "), not refused");
                }
                if (op.writes()) {
                    Map<String, Long> after = counts.snapshot();
                    if (reply.status() >= 400 && !after.equals(before)) {
                        failures.add(where + ": refused with " + reply.status() + " but changed rows " + difference(before, after));
                    }
                    before = after;
                }
            }
        }
        // One body over the service's limit, declared by its length, on an endpoint the caller may use.
        Operations.Operation firstWrite = operations.all().stream().filter(o -> o.body() != null && !o.path().contains("/admin/"))
                .findFirst().orElse(null);
        if (firstWrite != null) {
            byte[] huge = new byte[(int) Math.min(Integer.MAX_VALUE - 16, maxBodyBytes() + 1024)];
            java.util.Arrays.fill(huge, (byte) ' ');
            huge[0] = '{';
            huge[huge.length - 1] = '}';
            String target = firstWrite.path().replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            Map<String, String> declared = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
            Map<String, String> chunked = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                    "Transfer-Encoding", "chunked"); // no length to refuse it by: the limit must hold while it is read
            for (Map<String, String> headers : List.of(declared, chunked)) {
                Map<String, Long> rowsBefore = counts.snapshot();
                RawHttp.Reply reply = http.send(firstWrite.method(), target, headers, huge);
                requests++;
                statuses.merge(reply.status(), 1, Integer::sum);
                String where = firstWrite + " [body over the limit" + (headers == chunked ? ", chunked" : "") + "]";
                if (reply.status() != 413) {
                    failures.add(where + ": " + reply.status());
                } else {
                    problemFailure(reply).ifPresent(f -> failures.add(where + ": " + f));
                }
                if (!counts.snapshot().equals(rowsBefore)) {
                    failures.add(where + ": changed rows");
                }
            }
        }
        // What the accepted ones stored must not break any later read (a review dated -200000 once broke /stats for good).
        for (Operations.Operation op : operations.all()) {
            if (!op.writes()) {
                BadInputs.Case read = inputs.plain(op, auth);
                RawHttp.Reply reply = http.send(read.method(), read.target(), read.headers(), null);
                requests++;
                statuses.merge(reply.status(), 1, Integer::sum);
                if (reply.status() >= 500) {
                    failures.add(op + " [read after the corpus]: " + reply.status() + " " + RawHttp.abbreviate(reply.text()));
                }
            }
        }
        return new Report(requests, statuses, failures);
    }

    /** The service's body limit ({@code quarkus.http.limits.max-body-size}, as 10240K or 12M), read from the test JVM's config. */
    static long maxBodyBytes() {
        String size = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", String.class).orElse("10240K").trim().toUpperCase();
        long unit = size.endsWith("K") ? 1024 : size.endsWith("M") ? 1024 * 1024 : size.endsWith("G") ? 1024L * 1024 * 1024 : 1;
        return Long.parseLong(unit == 1 ? size : size.substring(0, size.length() - 1)) * unit;
    }

    /** Empty when the answer is a complete RFC 9457 problem that names nothing internal. */
    static java.util.Optional<String> problemFailure(RawHttp.Reply reply) {
        String type = reply.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return java.util.Optional.of("not problem+json (Content-Type " + type + ", body " + RawHttp.abbreviate(reply.text()) + ")");
        }
        try {
            JsonNode body = BadInputs.JSON.readTree(reply.body());
            if (!body.path("type").isTextual() || !body.path("title").isTextual() || body.path("status").asInt() != reply.status()) {
                return java.util.Optional.of("incomplete problem " + RawHttp.abbreviate(reply.text()));
            }
            String text = reply.text();
            for (String internal : INTERNALS) {
                if (text.contains(internal)) {
                    return java.util.Optional.of("names internals (" + internal + "): " + RawHttp.abbreviate(text));
                }
            }
            return java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.of("unreadable problem body " + RawHttp.abbreviate(reply.text()));
        }
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, n) -> {
            if (!n.equals(before.get(table))) {
                changed.put(table, before.get(table) + "->" + n);
            }
        });
        return changed.toString();
    }
}
