package dev.recall.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.recall.platform.auth.TokenRefused;
import dev.recall.platform.json.JsonFailures;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns every failure into {@code application/problem+json}; unexpected ones become a 500 without internals.
 * Titles, details and field messages come from the {@link Catalogue}, in the language the caller's
 * {@code Accept-Language} prefers (English or Chinese), with {@code Content-Language} and {@code Vary}.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response response = respond(e, uri, headers);
        return e.status() == 401
                ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer realm=\"recall\", error=\"invalid_token\"").build()
                : response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<ProblemException.Invalid> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.Invalid(lastNode(v.getPropertyPath().toString()), Violations.message(v)))
                .sorted(Comparator.comparing(ProblemException.Invalid::field))
                .toList();
        Text detail = Text.of("validation.fields", errors.stream().map(f -> Text.of("validation.field", f.field(), f.message())).toList());
        return respond(new ProblemException(400, "validation", detail, errors), uri, headers);
    }

    // One mapper per Jackson type: the extension's own mappers for some of them answer a bodiless 400, and
    // the most specific mapper wins, so each type the reader can throw is named here.
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(JsonFailures.problem(e), uri, headers);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidNull(InvalidNullException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response streamConstraints(StreamConstraintsException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return challenge(Text.of("auth.token-required"), "Bearer realm=\"recall\"", uri, headers);
    }

    /** A token was sent but is not acceptable (signature, issuer, expiry, audience, or {@code IdentityRules}). */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        Text reason = e.getCause() instanceof TokenRefused refused ? refused.reason() : Text.of("auth.token-invalid");
        return challenge(reason, "Bearer realm=\"recall\", error=\"invalid_token\"", uri, headers);
    }

    private static Response challenge(Text detail, String challenge, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(ProblemException.unauthorized(detail), uri, headers))
                .header("WWW-Authenticate", challenge).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(ProblemException.forbidden(Text.of("auth.role-forbidden")), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri, headers);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert (limit=abc, a bad UUID);
            // the resource exists, the parameter is wrong.
            return respond(ProblemException.badRequest("invalid-parameter", Text.of("http.parameter-type")), uri, headers);
        }
        if (status >= 500 && e.getCause() != null) {
            // RESTEasy wraps some failures (e.g. one raised while the body is read or written) in a 500.
            return unexpected(e, uri, headers);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String slug = known != null ? known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-') : "error";
        Text detail = Catalogue.has("http." + status) ? Text.of("http." + status) : Text.of("http.other", status);
        return respond(new ProblemException(status, slug, detail), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        if (TransientFailures.isTransient(e)) {
            // The database is away for a moment and nothing was applied: tell the client to retry.
            Log.warnf("database unavailable on %s: %s", path(uri), e);
            return Response.fromResponse(respond(new ProblemException(503, "unavailable", Text.of("database.unavailable")), uri, headers))
                    .header("Retry-After", "1").build();
        }
        ProblemException constraint = ConstraintFailures.problem(e);
        if (constraint != null) {
            // The database refused the write (a unique key, a bound): nothing was changed; say so as a 4xx.
            Log.debugf("database constraint on %s: %s", path(uri), e);
            return respond(constraint, uri, headers);
        }
        Log.errorf(e, "unexpected failure on %s", path(uri));
        return respond(new ProblemException(500, "internal", Text.of("internal.unexpected")), uri, headers);
    }

    /** The problem answer in the language {@code Accept-Language} asks for. */
    public static Response respond(ProblemException problem, UriInfo uri, HttpHeaders headers) {
        Locale language = Catalogue.negotiate(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem(path(uri), language))
                .header(HttpHeaders.CONTENT_LANGUAGE, Catalogue.tag(language))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
