package dev.recall.platform.idempotency;

import dev.recall.platform.input.Inputs;
import dev.recall.platform.problem.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.problem.SqlStates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Makes a write safe to retry: the first request with an {@code Idempotency-Key} stores its response in
 * the same transaction as its effect; a retry with the same key and body gets that response back and
 * changes nothing; the same key with another body is a 422.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** A response worth replaying: status, JSON body and Location header. */
    public record Stored(int status, String body, String location) {
    }

    /** How long a concurrent duplicate waits for the first request with its key before it gets a 409. */
    static final int CLAIM_WAIT_MILLIS = 3000;

    /** The SQLSTATE PostgreSQL raises when lock_timeout runs out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Claims a key (0 or 1 rows inserted) with lock_timeout at CLAIM_WAIT_MILLIS for this statement only. */
    static final String CLAIM = "WITH previous AS (SELECT current_setting('lock_timeout') AS timeout), "
            + "wait AS (SELECT set_config('lock_timeout', '" + CLAIM_WAIT_MILLIS + "', true) FROM previous), "
            + "claim AS (INSERT INTO idempotency_key (tenant, user_id, key, request_hash, status) "
            + "SELECT :t, :u, :k, :h, 0 FROM wait ON CONFLICT DO NOTHING RETURNING 1) "
            + "SELECT c.claimed, set_config('lock_timeout', CASE WHEN c.claimed >= 0 THEN p.timeout END, true) "
            + "FROM (SELECT count(*) AS claimed FROM claim) c, previous p";

    @Inject
    ObjectMapper mapper;

    /**
     * Must run inside {@code Panache.withTransaction}. With a null key, simply runs {@code action}.
     */
    public Uni<Stored> once(String tenant, String userId, String key, Object request, Supplier<Uni<Stored>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        Text refused = Inputs.problem(key, Inputs.MAX_NAME); // at most 200 characters, no control characters or broken surrogates
        if (refused != null) {
            return Uni.createFrom().failure(ProblemException.invalid("Idempotency-Key", refused));
        }
        String hash = hash(request);
        // Claim the key first. A concurrent request with the same key blocks on this INSERT until the
        // first one's transaction ends (the primary key's uniqueness check waits for it): if that one
        // committed, nothing is inserted here and its stored response is replayed below; if it rolled
        // back, this request claims the key and runs itself. No lock on a row that does not exist yet.
        //
        // The wait is bounded: a client that times out and retries while its first attempt still runs must not
        // park one pooled connection per retry (a burst of those can take the whole pool, and the winner's own
        // work with it). After CLAIM_WAIT the retry gets 409 and tries again later. The lock timeout holds for the
        // claim only: the same statement sets it (set_config, local to the transaction) before the INSERT and puts
        // the previous value back after it (the restoring set_config needs the INSERT's count, so it runs last):
        // one round trip, not two.
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, Object[].class)
                .setParameter("t", tenant).setParameter("u", userId).setParameter("k", key).setParameter("h", hash)
                .getSingleResult()
                .onFailure(failure -> SqlStates.anyInChain(failure, LOCK_NOT_AVAILABLE::equals)).transform(failure -> new ProblemException(409,
                        "idempotency-key-in-progress", Text.of("idempotency.in-progress", key)))
                .map(row -> ((Number) row[0]).intValue())
                .chain(claimed -> claimed == 1
                        ? action.get().call(stored -> session.createNativeQuery(
                                        "UPDATE idempotency_key SET status = :s, body = :b, location = :l "
                                                + "WHERE tenant = :t AND user_id = :u AND key = :k")
                                .setParameter("t", tenant).setParameter("u", userId).setParameter("k", key)
                                .setParameter("s", stored.status()).setParameter("b", stored.body()).setParameter("l", stored.location())
                                .executeUpdate())
                        : replay(session, tenant, userId, key, hash)));
    }

    private Uni<Stored> replay(org.hibernate.reactive.mutiny.Mutiny.Session session, String tenant, String userId, String key, String hash) {
        return session.createNativeQuery(
                        "SELECT request_hash, status, body, location FROM idempotency_key WHERE tenant = :t AND user_id = :u AND key = :k",
                        Object[].class)
                .setParameter("t", tenant).setParameter("u", userId).setParameter("k", key)
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        // Claimed and released between our INSERT and this SELECT (expired or deleted): let the client retry.
                        throw new ProblemException(409, "idempotency-key-in-flux", Text.of("idempotency.in-flux", key));
                    }
                    Object[] row = rows.get(0);
                    if (!hash.equals(row[0])) {
                        throw new ProblemException(422, "idempotency-key-reused", Text.of("idempotency.reused", key));
                    }
                    return new Stored(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
                });
    }

    public String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
