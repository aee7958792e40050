package dev.recall.progress.enrollment;

import dev.recall.platform.auth.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentService {

    @Inject
    CardFactory cards;

    /** Enrols the caller; enrolling twice in the same target returns the existing enrolment (idempotent). */
    @WithTransaction
    public Uni<EnrollmentResult> enroll(Caller caller, EnrollmentRequest request) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        return cards.lockTarget(tenant, request.kind(), request.target().strip()).chain(() -> Enrollment.<Enrollment>find("tenant = ?1 and userId = ?2 and kind = ?3 and target = ?4",
                        tenant, userId, request.kind(), request.target()).firstResult()
                .chain(existing -> {
                    if (existing != null) {
                        return cards.forEnrollment(existing.id).map(n -> new EnrollmentResult(view(existing, n), false));
                    }
                    Enrollment enrollment = new Enrollment();
                    enrollment.id = UUID.randomUUID();
                    enrollment.tenant = tenant;
                    enrollment.userId = userId;
                    enrollment.kind = request.kind();
                    enrollment.target = request.target().strip();
                    enrollment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return enrollment.persistAndFlush()
                            .chain(() -> cards.forEnrollment(enrollment.id))
                            .map(n -> new EnrollmentResult(view(enrollment, n), true));
                }));
    }

    @WithSession
    public Uni<List<EnrollmentView>> list(Caller caller) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        return Enrollment.<Enrollment>list("tenant = ?1 and userId = ?2 order by createdAt, id", tenant, userId)
                .map(list -> list.stream().map(e -> view(e, 0)).toList());
    }

    static EnrollmentView view(Enrollment e, int cardsCreated) {
        return new EnrollmentView(e.id, e.kind, e.target, e.createdAt, cardsCreated);
    }

    public record EnrollmentResult(EnrollmentView view, boolean created) {
    }
}
