package dev.recall.platform.openapi;

import dev.recall.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/** The RFC 9457 problem as the documents declare it: the one body of every 4xx and 5xx answer. */
final class ProblemSchema {

    /**
     * Every problem type a Recall service answers with, after {@link Problem#TYPE_BASE}. Clients switch on these;
     * ProblemSchemaTests checks that each slug the code uses is listed. The last group comes from HTTP errors
     * the framework raises (the reason phrase as a slug).
     */
    static final List<String> TYPES = List.of(
            "validation", "malformed-json", "invalid-cursor", "invalid-text", "invalid-file", "empty-upload",
            "unknown-field", "duplicate-key",
            "unauthorized", "forbidden", "not-found",
            "stale-etag", "precondition-required",
            "deck-exists", "deck-cycle", "not-deleted", "already-answered", "review-out-of-order",
            "review-already-undone", "not-latest-review", "idempotency-key-in-flux", "idempotency-key-in-progress",
            "idempotency-key-reused", "unknown-deck", "nothing-to-import", "export-too-large", "no-items",
            "too-large", "payload-too-large", "uri-too-long", "headers-too-large", "bad-request", "invalid-parameter", "conflict",
            "internal", "unavailable",
            "method-not-allowed", "not-acceptable", "unsupported-media-type", "request-entity-too-large");

    private ProblemSchema() {
    }

    static Schema problem() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem detail (application/problem+json). type is stable: switch on it, not on title or detail.")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri")
                        .enumeration(TYPES.stream().map(slug -> (Object) (Problem.TYPE_BASE + slug)).toList())
                        .description("What went wrong, as a URI under " + Problem.TYPE_BASE))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("A short summary of the type, in the caller's language (Accept-Language)"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code of this answer"))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("What happened to this request, for people"))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri-reference")
                        .description("The request path"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("FieldError")).maxItems(100)
                        .description("The invalid fields, for type validation"))
                .required(List.of("type", "title", "status"))
                .examples(List.of(java.util.Map.of(
                        "type", Problem.TYPE_BASE + "validation", "title", "Invalid request", "status", 400,
                        "detail", "rating: must be between 1 and 4", "instance", "/api/v1/reviews",
                        "errors", List.of(java.util.Map.of("field", "rating", "message", "must be between 1 and 4")))));
    }

    static Schema fieldError() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field of the request")
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description("The field's path in the body, or the parameter's name"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description("What is wrong with it"))
                .required(List.of("field", "message"));
    }
}
