package dev.recall.progress.enrollment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Follow a note, a deck or a tag; {@link EnrollmentTarget} says what a target of each kind must be. */
public record EnrollmentRequest(
        @NotNull @Pattern(regexp = "note|deck|tag", message = "{progress.enrollment.kind}") String kind,
        @Schema(description = "What to follow, by kind. note, deck: its id as content-service gives it, a UUID "
                + "(8-4-4-4-12 hexadecimal digits, any case). tag: a tag as notes carry it, 1 to 64 characters. "
                + "Leading and trailing white space is ignored; a target of another shape is a 400 (validation).",
                examples = "6b0c9d52-0000-4000-8000-000000000000")
        @NotBlank @Size(max = EnrollmentTarget.MAX_TAG) String target) {
}
