package dev.recall.progress.enrollment;

import java.time.Instant;
import java.util.UUID;

public record EnrollmentView(UUID id, String kind, String target, Instant createdAt, int cardsCreated) {
}
