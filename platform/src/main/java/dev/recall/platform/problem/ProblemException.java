package dev.recall.platform.problem;

import java.util.List;
import java.util.Locale;

/**
 * Thrown by services for an expected failure; mapped to an RFC 9457 response. Its title is the catalogue's
 * {@code title.<slug>}, its detail and field messages are {@link Text}s of the catalogue, written in the
 * caller's language when the answer is written; the exception's message is the English detail (for logs).
 */
public class ProblemException extends RuntimeException {

    /** One invalid field of the request, its message still in no particular language. */
    public record Invalid(String field, Text message) {
    }

    private final int status;
    private final String slug;
    private final Text detail;
    private final List<Invalid> errors;

    public ProblemException(int status, String slug, Text detail) {
        this(status, slug, detail, List.of());
    }

    public ProblemException(int status, String slug, Text detail, List<Invalid> errors) {
        super(detail.toString());
        this.status = status;
        this.slug = slug;
        this.detail = detail;
        this.errors = errors;
    }

    /** 404 with a detail that names what was not found (it may also not be visible to the caller). */
    public static ProblemException notFound(Text detail) {
        return new ProblemException(404, "not-found", detail);
    }

    public static ProblemException badRequest(String slug, Text detail) {
        return new ProblemException(400, slug, detail);
    }

    /** 400 {@code validation} for one field: detail "field: message", and the field in {@code errors}. */
    public static ProblemException invalid(String field, Text message) {
        return new ProblemException(400, "validation", Text.of("validation.field", field, message), List.of(new Invalid(field, message)));
    }

    public static ProblemException conflict(String slug, Text detail) {
        return new ProblemException(409, slug, detail);
    }

    public static ProblemException forbidden(Text detail) {
        return new ProblemException(403, "forbidden", detail);
    }

    public static ProblemException unauthorized(Text detail) {
        return new ProblemException(401, "unauthorized", detail);
    }

    public Problem toProblem(String instance, Locale language) {
        return new Problem(Problem.TYPE_BASE + slug, title(slug).in(language), status, detail.in(language), instance,
                errors.stream().map(e -> new Problem.FieldError(e.field(), e.message().in(language))).toList());
    }

    /** The title of a problem type: {@code title.<slug>} of the catalogue ({@code title.error} for a type it lacks). */
    public static Text title(String slug) {
        return Catalogue.has("title." + slug) ? Text.of("title." + slug) : Text.of("title.error");
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Text detail() {
        return detail;
    }

    public List<Invalid> errors() {
        return errors;
    }
}
