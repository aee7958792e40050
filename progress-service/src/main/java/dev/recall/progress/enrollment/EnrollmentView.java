package dev.recall.progress.enrollment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

public record EnrollmentView(UUID id, @Schema(enumeration = {"note", "deck", "tag"}) String kind, @Schema(description = "note, deck: the id in lower case; tag: the tag") String target, Instant createdAt, int cardsCreated) {
}
