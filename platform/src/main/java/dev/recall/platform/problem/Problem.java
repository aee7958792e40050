package dev.recall.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail. {@code type} is stable: clients switch on it, not on {@code detail}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://recall.dev/problems/";

    /** One invalid field of the request. */
    public record FieldError(String field, String message) {
    }
}
