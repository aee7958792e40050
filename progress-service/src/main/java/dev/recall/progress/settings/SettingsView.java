package dev.recall.progress.settings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Settings on the wire, for GET and PUT. Steps are lists like ["1m", "10m"]; {@code weights} are the 21
 * FSRS-6 parameters, or null for the defaults.
 */
public record SettingsView(
        @NotBlank String timeZone,
        @NotNull @Min(0) @Max(23) Integer dayStartHour,
        @NotNull @Min(0) @Max(9999) Integer newCardsPerDay,
        @NotNull @Min(0) @Max(99999) Integer reviewsPerDay,
        @NotNull @DecimalMin("0.70") @DecimalMax("0.99") Double desiredRetention,
        @NotNull @Min(1) @Max(36500) Integer maximumInterval,
        @NotNull @Size(max = 10) List<String> learningSteps,
        @NotNull @Size(max = 10) List<String> relearningSteps,
        @NotNull Boolean enableShortTerm,
        @NotNull Boolean enableFuzz,
        @Size(min = 21, max = 21) List<Double> weights) {
}
