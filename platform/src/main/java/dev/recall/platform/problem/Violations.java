package dev.recall.platform.problem;

import jakarta.validation.ConstraintViolation;

import java.util.Collection;
import java.util.Map;

/**
 * The catalogue text of a bean-validation failure. The validator's own messages are English only, so they are
 * not used: a constraint whose {@code message} is a catalogue key in braces ({@code "{progress.rating}"}) gets
 * that text, any other gets {@code constraint.<Annotation>} with the annotation's bounds as arguments.
 */
public final class Violations {

    private Violations() {
    }

    public static Text message(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template != null && template.startsWith("{") && template.endsWith("}") && Catalogue.has(template.substring(1, template.length() - 1))) {
            return Text.of(template.substring(1, template.length() - 1));
        }
        var descriptor = violation.getConstraintDescriptor();
        Map<String, Object> attributes = descriptor.getAttributes();
        String constraint = descriptor.getAnnotation().annotationType().getSimpleName();
        Object value = violation.getInvalidValue();
        String unit = value instanceof CharSequence ? "characters" : value instanceof Collection<?> || value instanceof Map<?, ?>
                || value != null && value.getClass().isArray() ? "items" : "characters";
        return switch (constraint) {
            case "NotNull" -> Text.of("constraint.NotNull");
            case "NotBlank", "NotEmpty" -> Text.of("constraint.NotEmpty");
            case "Size" -> {
                int min = (Integer) attributes.get("min");
                int max = (Integer) attributes.get("max");
                yield min <= 0 ? Text.of("constraint.Size.max." + unit, max)
                        : max == Integer.MAX_VALUE ? Text.of("constraint.Size.min." + unit, min)
                        : Text.of("constraint.Size.range." + unit, min, max);
            }
            case "Min", "DecimalMin" -> Text.of("constraint.Min", attributes.get("value"));
            case "Max", "DecimalMax" -> Text.of("constraint.Max", attributes.get("value"));
            case "Positive" -> Text.of("constraint.Positive");
            case "PositiveOrZero" -> Text.of("constraint.PositiveOrZero");
            case "Pattern" -> Text.of("constraint.Pattern");
            default -> Text.of("constraint.other");
        };
    }
}
