package dev.recall.platform;

import dev.recall.events.NoteEvents;
import dev.recall.platform.idempotency.IdempotencyKeys;
import dev.recall.platform.idempotency.IdempotencyKeys.Stored;
import dev.recall.platform.inbox.Inbox;
import dev.recall.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import dev.recall.platform.auth.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A minimal service on top of the platform, for its tests: writes with events, an inbox, idempotent creates. */
public final class TestApp {

    private TestApp() {
    }

    @Entity
    @Table(name = "test_row")
    public static class TestRow extends PanacheEntityBase {
        @Id
        public UUID id;
        public String mark;

        static TestRow of(String mark) {
            TestRow row = new TestRow();
            row.id = UUID.randomUUID();
            row.mark = mark;
            return row;
        }
    }

    @ApplicationScoped
    public static class Writes {

        @Inject
        Outbox outbox;

        @Inject
        Inbox inbox;

        @Inject
        IdempotencyKeys idempotency;

        /** A state change and its event; {@code fail} throws after both, so the transaction rolls back. */
        @WithTransaction
        public Uni<Void> write(String key, boolean fail) {
            return TestRow.of(key).persist()
                    .chain(() -> outbox.append(key, "acme", new NoteEvents.NoteDeleted(key, "acme", 1, Instant.now())))
                    .invoke(() -> {
                        if (fail) {
                            throw new IllegalStateException("the write fails after appending its event");
                        }
                    })
                    .replaceWithVoid();
        }

        /** The consumer's effect writes a row marked with the event id; {@code fail} makes it fail for good after writing. */
        public Uni<Void> consume(String json, boolean fail) {
            return inbox.consume("platform-test", json, event -> TestRow.of(event.id()).persist().invoke(() -> {
                if (fail) {
                    throw new IllegalArgumentException("the effect refuses this event");
                }
            }).replaceWithVoid());
        }

        @WithTransaction
        public Uni<Stored> create(String key, Map<String, Object> body) {
            // The answer names the lock timeout the action ran with: the claim's own bound must not outlive the claim.
            return idempotency.once("acme", "alice", key, body, () -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("SELECT current_setting('lock_timeout')", String.class).getSingleResult())
                    .chain(timeout -> TestRow.of("create:" + body.get("name")).persist()
                            .map(row -> new Stored(201, idempotency.json(Map.of("id", ((TestRow) row).id, "lockTimeout", timeout)),
                                    "/rows/" + ((TestRow) row).id))));
        }

        @WithTransaction
        public Uni<Void> insertWithId(UUID id) {
            return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO test_row (id, mark) VALUES (?1, 'fixed')")
                    .setParameter(1, id).executeUpdate()).replaceWithVoid();
        }

        @WithSession
        public Uni<Long> count(String mark) {
            return TestRow.count("mark", mark);
        }

        @WithSession
        public Uni<Long> outboxRows() {
            return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM outbox_event", Long.class).getSingleResult());
        }
    }

    @Path("/test")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public static class Endpoints {

        @Inject
        Writes writes;

        @POST
        @Path("/writes/{key}")
        public Uni<Map<String, String>> write(@PathParam("key") String key, @QueryParam("fail") boolean fail) {
            return writes.write(key, fail).replaceWith(Map.of("key", key));
        }

        @POST
        @Path("/events")
        @Consumes(MediaType.TEXT_PLAIN)
        public Uni<Map<String, String>> consume(String json, @QueryParam("fail") boolean fail) {
            return writes.consume(json, fail).replaceWith(Map.of("applied", "true"));
        }

        @POST
        @Path("/creates")
        @Consumes(MediaType.APPLICATION_JSON)
        public Uni<Stored> create(@HeaderParam("Idempotency-Key") String key, Map<String, Object> body) {
            return writes.create(key, body);
        }

        @GET
        @Path("/rows/{mark}")
        public Uni<Long> count(@PathParam("mark") String mark) {
            return writes.count(mark);
        }

        @GET
        @Path("/outbox")
        public Uni<Long> outboxRows() {
            return writes.outboxRows();
        }
    }

    /** A body with each kind of field the services take, to check how strictly bodies are read. */
    public record Sample(@NotBlank String name, UUID parentId, List<String> tags, Integer limit, Instant at, Kind kind, Boolean flag) {
    }

    public enum Kind { NOTE, DECK }

    /** Authenticated endpoints under /api/, as the services have them. */
    @Path("/api/test")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
    public static class SecureEndpoints {

        @Inject
        Caller caller;

        @Inject
        Writes writes;

        @GET
        @Path("/whoami")
        public Map<String, String> whoami() {
            return Map.of("tenant", caller.tenant(), "user", caller.userId());
        }

        /** Never asks for the tenant: a token without one must still be refused here. */
        @GET
        @Path("/anonymousish")
        public Map<String, String> noTenantNeeded() {
            return Map.of("ok", "true");
        }

        @POST
        @Path("/samples")
        @Consumes(MediaType.APPLICATION_JSON)
        public Sample echo(@Valid Sample sample) {
            return sample;
        }

        @GET
        @Path("/rows/{mark}")
        public Uni<Long> count(@PathParam("mark") String mark, @QueryParam("limit") @DefaultValue("10") int limit) {
            return writes.count(mark);
        }

        /** Inserts a row with a fixed id: the second call breaks the primary key. */
        @POST
        @Path("/fixed/{id}")
        public Uni<Map<String, String>> fixed(@PathParam("id") UUID id) {
            return writes.insertWithId(id).replaceWith(Map.of("id", id.toString()));
        }
    }
}
