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
import dev.recall.platform.json.JsonFailures;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into {@code application/problem+json}; unexpected ones become a 500 without internals. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(path(uri)));
        return e.status() == 401
                ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer realm=\"recall\", error=\"invalid_token\"").build()
                : response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, path(uri), errors));
    }

    // One mapper per Jackson type: the extension's own mappers for some of them answer a bodiless 400, and
    // the most specific mapper wins, so each type the reader can throw is named here.
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(JsonFailures.problem(e).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidNull(InvalidNullException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response streamConstraints(StreamConstraintsException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge("a valid bearer token is required", "Bearer realm=\"recall\"", uri);
    }

    /** A token was sent but is not acceptable (signature, issuer, expiry, audience, or {@code IdentityRules}). */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        String reason = e.getMessage() != null && e.getMessage().startsWith("the token") ? e.getMessage() : "the bearer token is not valid";
        return challenge(reason, "Bearer realm=\"recall\", error=\"invalid_token\"", uri);
    }

    private static Response challenge(String detail, String challenge, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401, detail, path(uri), List.of())))
                .header("WWW-Authenticate", challenge).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "your role does not allow this operation", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert (limit=abc, a bad UUID);
            // the resource exists, the parameter is wrong.
            return respond(new Problem(Problem.TYPE_BASE + "invalid-parameter", "Invalid parameter", 400,
                    "a path or query parameter has a value of the wrong type", path(uri), List.of()));
        }
        if (status >= 500 && e.getCause() != null) {
            // RESTEasy wraps some failures (e.g. one raised while the body is read or written) in a 500.
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String slug = title.toLowerCase().replace(' ', '-');
        return respond(new Problem(Problem.TYPE_BASE + slug, title, status, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            // The database is away for a moment and nothing was applied: tell the client to retry.
            Log.warnf("database unavailable on %s: %s", path(uri), e);
            return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "unavailable", "Service unavailable", 503,
                            "the database is not reachable right now; nothing was changed; retry the request", path(uri), List.of())))
                    .header("Retry-After", "1").build();
        }
        Problem constraint = ConstraintFailures.problem(e, path(uri));
        if (constraint != null) {
            // The database refused the write (a unique key, a bound): nothing was changed; say so as a 4xx.
            Log.debugf("database constraint on %s: %s", path(uri), e);
            return respond(constraint);
        }
        Log.errorf(e, "unexpected failure on %s", path(uri));
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "the request failed unexpectedly; nothing was changed", path(uri), List.of()));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
