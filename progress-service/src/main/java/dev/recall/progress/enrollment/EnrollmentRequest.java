package dev.recall.progress.enrollment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Follow a note, a deck or a tag. */
public record EnrollmentRequest(
        @NotNull @Pattern(regexp = "note|deck|tag", message = "{progress.enrollment.kind}") String kind,
        @NotBlank @Size(max = 200) String target) {
}
