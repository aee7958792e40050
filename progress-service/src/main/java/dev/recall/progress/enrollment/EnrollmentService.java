package dev.recall.progress.enrollment;

import dev.recall.platform.auth.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentService {

    @Inject
    CardFactory cards;

    /**
     * Enrols the caller; enrolling twice in the same target returns the existing enrolment (idempotent). The target
     * is made canonical once, here ({@link EnrollmentTarget}: stripped, ids in lower case; a target that is not a
     * valid id or tag is a 400 before anything is written), so every spelling (" id ", "ID") finds and locks the
     * same enrolment. Racing enrolments meet the unique key (tenant, user, kind, target): the later inserts nothing
     * and returns the earlier's row.
     */
    @WithTransaction
    public Uni<EnrollmentResult> enroll(Caller caller, EnrollmentRequest request) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        String kind = request.kind();
        String target = EnrollmentTarget.canonical(kind, request.target());
        UUID id = UUID.randomUUID();
        return cards.lockTarget(tenant, kind, target)
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "INSERT INTO enrollment (id, tenant, user_id, kind, target, created_at) VALUES (:id, :tenant, :user, :kind, :target, "
                                        + "date_trunc('microseconds', now())) ON CONFLICT (tenant, user_id, kind, target) DO NOTHING")
                        .setParameter("id", id).setParameter("tenant", tenant).setParameter("user", userId)
                        .setParameter("kind", kind).setParameter("target", target)
                        .executeUpdate()))
                .chain(inserted -> Enrollment.<Enrollment>find("tenant = ?1 and userId = ?2 and kind = ?3 and target = ?4",
                                tenant, userId, kind, target).<Enrollment>firstResult()
                        .chain(enrollment -> cards.forEnrollment(enrollment.id)
                                .map(n -> new EnrollmentResult(view(enrollment, n), inserted == 1))));
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
