package dev.recall.platform.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.recall.platform.problem.Problem;
import dev.recall.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says in the client's terms what is wrong with a JSON body: the field (as a JSON path like {@code tags[0]})
 * and the JSON shape it needs. Jackson's own messages name Java classes and Jackson features, which are
 * internals and mean nothing to an API client, so none of its text reaches the answer.
 */
public final class JsonFailures {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,200})'");

    private JsonFailures() {
    }

    public static ProblemException problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new ProblemException(400, "unknown-field", "Unknown field", "the body has a field this endpoint does not know: '"
                    + field + "'" + (known.isEmpty() ? "" : "; known fields: " + known),
                    List.of(new Problem.FieldError(field, "is not a field of this request")));
        }
        if (e instanceof InvalidNullException nul) {
            return invalid(path(nul), "must not be null");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            Class<?> target = mismatch.getTargetType();
            if (target == String.class && e instanceof InvalidFormatException) {
                return invalid(field, "must be text without NUL characters or unpaired surrogates");
            }
            if (field.isEmpty()) {
                return malformed("the body must be " + shape(target));
            }
            return invalid(field, "must be " + shape(target));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            String field = path(instantiation);
            return malformed("the body's values do not form a valid request" + (field.isEmpty() ? "" : " (at '" + field + "')"));
        }
        if (e instanceof StreamConstraintsException) {
            return malformed("the body is nested too deeply or holds a value that is too long");
        }
        if (e instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                String field = duplicate.group(1);
                return new ProblemException(400, "duplicate-key", "Duplicate key", "the body gives the key '" + field + "' more than once",
                        List.of(new Problem.FieldError(field, "is given more than once")));
            }
            return malformed("the body is not valid JSON" + where(parse.getLocation()));
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return malformed("the body cannot be read as this request" + (field.isEmpty() ? "" : " (at '" + field + "')"));
        }
        return malformed("the body is not valid JSON" + where(e.getLocation()));
    }

    /** The JSON path of the failing value: {@code cards[2].front}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The JSON shape a Java type is written as, in the words of the API documentation. */
    static String shape(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an RFC 3339 date-time with a zone, like 2026-01-31T09:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-01-31";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == CharSequence.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of the documented type";
    }

    private static ProblemException invalid(String field, String message) {
        String name = field.isEmpty() ? "body" : field;
        return new ProblemException(400, "validation", "Invalid request", name + " " + message,
                List.of(new Problem.FieldError(name, message)));
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed-json", "Malformed request body", detail);
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
