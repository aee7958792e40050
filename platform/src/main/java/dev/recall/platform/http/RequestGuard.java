package dev.recall.platform.http;

import dev.recall.platform.problem.Text;

import dev.recall.platform.problem.Catalogue;
import dev.recall.platform.problem.Problem;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP edge every request passes before routing: refuses request lines no endpoint could use
 * ({@link RequestLine}), too-long URLs and header blocks, and declared bodies over the limit, each with a
 * problem body instead of the server's bare status; and marks API answers {@code nosniff} and
 * {@code no-store} (they carry one user's data and must not sit in shared caches).
 */
@ApplicationScoped
public class RequestGuard {

    /** Longest request target accepted; the HTTP codec itself allows more so that this answer has a body. */
    static final int MAX_TARGET = 8 * 1024;
    static final int MAX_HEADERS = 32 * 1024;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;

    /** Reads a body of no declared length within the limit (see {@link #guard}). */
    private BodyHandler chunkedBodies;

    void register(@Observes Filters filters) {
        chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBody.asLongValue());
        filters.register(this::guard, 10_000);
    }

    void failures(@Observes Router router) {
        // Failures the HTTP layer raises itself (a body over the limit while it is read, a bad request) would
        // otherwise leave with an empty body.
        router.route().last().failureHandler(rc -> {
            int status = rc.statusCode();
            if (rc.response().headWritten() || !(status == 400 || status == 413 || status == 414 || status == 431)) {
                rc.next();
                return;
            }
            String slug = switch (status) {
                case 413 -> "payload-too-large";
                case 414 -> "uri-too-long";
                case 431 -> "headers-too-large";
                default -> "bad-request";
            };
            refuse(rc, status, slug, Text.of("http.refused", status));
        });
    }

    void guard(RoutingContext rc) {
        String target = rc.request().uri();
        if (target.length() > MAX_TARGET) {
            refuse(rc, 414, "uri-too-long", Text.of("http.uri-too-long", MAX_TARGET));
            return;
        }
        RequestLine.Refusal refusal = RequestLine.check(target);
        if (refusal != null) {
            refuse(rc, 400, "invalid-parameter", Text.of("validation.field", refusal.field(), refusal.message()),
                    List.of(new ProblemException.Invalid(refusal.field(), refusal.message())));
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : rc.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            refuse(rc, 431, "headers-too-large", Text.of("http.headers-too-large", MAX_HEADERS));
            return;
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            refuse(rc, 413, "payload-too-large", Text.of("http.body-too-large", maxBody.asLongValue()));
            return;
        }
        if (rc.request().path().startsWith("/api/")) {
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
        if (length == null && rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // A body of no declared length (chunked) is read here, within the limit, so that going over it fails
            // this route (413, answered with a problem by the failure handler above) instead of RESTEasy ending the
            // exchange with a bare 413 in the middle of reading; RESTEasy then reads the buffered body.
            chunkedBodies.handle(rc);
            return;
        }
        rc.next();
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBody.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void refuse(RoutingContext rc, int status, String slug, Text detail) {
        refuse(rc, status, slug, detail, List.of());
    }

    static void refuse(RoutingContext rc, int status, String slug, Text detail, List<ProblemException.Invalid> errors) {
        Locale language = Catalogue.negotiate(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = new ProblemException(status, slug, detail, errors).toProblem(rc.request().path(), language);
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, Catalogue.tag(language))
                .putHeader(HttpHeaders.VARY, "Accept-Language")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(HttpHeaders.CONNECTION, status == 400 ? "keep-alive" : "close")
                .end(Json.encode(problem));
    }
}
