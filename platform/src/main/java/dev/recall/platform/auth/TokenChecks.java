package dev.recall.platform.auth;

import dev.recall.platform.problem.Text;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies {@link IdentityRules} while the caller is authenticated, so a token that breaks them is a 401 on
 * every endpoint (including those that never ask for the tenant) and {@link Caller} only ever sees valid claims.
 */
@ApplicationScoped
public class TokenChecks implements SecurityIdentityAugmentor {

    private final IdentityRules rules;
    private final String tenantClaim;

    public TokenChecks(@ConfigProperty(name = "recall.auth.tenant-claim", defaultValue = "tenant") String tenantClaim,
                       @ConfigProperty(name = "recall.auth.clock-skew", defaultValue = "60") long clockSkewSeconds,
                       @ConfigProperty(name = "recall.auth.max-lifetime", defaultValue = "86400") long maxLifetimeSeconds) {
        this.tenantClaim = tenantClaim;
        this.rules = new IdentityRules(Duration.ofSeconds(clockSkewSeconds), Duration.ofSeconds(maxLifetimeSeconds));
    }

    /** The claim that names the caller's tenant ({@code recall.auth.tenant-claim}). */
    public String tenantClaim() {
        return tenantClaim;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        IdentityRules.Claims claims = claims(jwt, tenantClaim);
        Optional<Text> refusal = rules.refusal(claims, Instant.now());
        if (refusal.isPresent()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(refusal.get().toString(), new TokenRefused(refusal.get())));
        }
        // The request's log lines name its tenant (the MDC lives on the request's Vert.x context).
        MDC.put("tenant", String.valueOf(claims.tenant()));
        return Uni.createFrom().item(identity);
    }

    /** Why the identity rules refuse {@code jwt} at {@code now}, if they do (what {@link #augment} answers with). */
    public Optional<Text> refusal(JsonWebToken jwt, Instant now) {
        return rules.refusal(claims(jwt, tenantClaim), now);
    }

    static IdentityRules.Claims claims(JsonWebToken jwt, String tenantClaim) {
        return new IdentityRules.Claims(text(jwt.getClaim(tenantClaim)), jwt.getSubject(),
                seconds(jwt.getClaim("iat")), seconds(jwt.getClaim("exp")));
    }

    /** A JSON string claim as it was written; anything else (number, array, object) stays non-text and is refused. */
    private static Object text(Object claim) {
        return claim instanceof JsonString json ? json.getString() : claim;
    }

    private static Long seconds(Object claim) {
        return claim instanceof Number n ? n.longValue() : claim instanceof jakarta.json.JsonNumber j ? j.longValue() : null;
    }
}
