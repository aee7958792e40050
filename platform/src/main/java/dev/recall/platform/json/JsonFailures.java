package dev.recall.platform.json;

import dev.recall.platform.problem.Text;

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
            return new ProblemException(400, "unknown-field", known.isEmpty() ? Text.of("json.unknown-field", field)
                    : Text.of("json.unknown-field-known", field, known), List.of(new ProblemException.Invalid(field, Text.of("json.not-a-field"))));
        }
        if (e instanceof InvalidNullException nul) {
            return invalid(path(nul), Text.of("constraint.NotNull"));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            Class<?> target = mismatch.getTargetType();
            if (target == String.class && e instanceof InvalidFormatException) {
                return invalid(field, Text.of("json.bad-text"));
            }
            if (field.isEmpty()) {
                return malformed(Text.of("json.body-must-be", shape(target)));
            }
            return invalid(field, Text.of("json.must-be", shape(target)));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            String field = path(instantiation);
            return malformed(field.isEmpty() ? Text.of("json.not-a-request") : Text.of("json.not-a-request-at", field));
        }
        if (e instanceof StreamConstraintsException) {
            return malformed(Text.of("json.too-deep"));
        }
        if (e instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                String field = duplicate.group(1);
                return new ProblemException(400, "duplicate-key", Text.of("json.duplicate-key", field),
                        List.of(new ProblemException.Invalid(field, Text.of("json.given-twice"))));
            }
            return malformed(notJson(parse.getLocation()));
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return malformed(field.isEmpty() ? Text.of("json.unreadable") : Text.of("json.unreadable-at", field));
        }
        return malformed(notJson(e.getLocation()));
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
    static Text shape(Class<?> type) {
        return Text.of("json.shape." + shapeKey(type));
    }

    private static String shapeKey(Class<?> type) {
        if (type == null) {
            return "documented";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "date-time";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == BigDecimal.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class || type == CharSequence.class) {
            return "string";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        return "documented";
    }

    private static ProblemException invalid(String field, Text message) {
        return ProblemException.invalid(field.isEmpty() ? "body" : field, message);
    }

    private static ProblemException malformed(Text detail) {
        return new ProblemException(400, "malformed-json", detail);
    }

    private static Text notJson(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? Text.of("json.not-json")
                : Text.of("json.not-json-at", location.getLineNr(), location.getColumnNr());
    }
}
