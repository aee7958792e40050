package dev.recall.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Tokens smallrye-jwt has verified, so that a client sending the same bearer token on every request pays for its
 * RS256 signature and JSON claims once (they were 14% of progress-service's CPU on the due queue). The key is the
 * whole raw token as it arrived (header, payload and signature; {@code String.equals}, so a token that differs in
 * any character, its signature included, is a miss and is verified afresh); the value the verified principal.
 *
 * <p>An entry lives no longer than the token's {@code exp} (nor is one returned after it), holds only tokens that
 * verified and that {@code cacheable} accepts when they did (Recall's identity rules), and there are at most
 * {@code maximumSize} of them (Caffeine's eviction). What a hit skips is only what does not change while a token
 * lives: {@link TokenChecks} still applies the identity rules, times against the clock included, on every request.
 * A hit is also only for the verification settings it was verified with ({@link JWTAuthContextInfo} by identity):
 * a parse against other keys or issuers verifies again.
 */
final class VerifiedTokens {

    /** The real verification: smallrye-jwt's signature, issuer, audience, expiry and required-claim checks. */
    @FunctionalInterface
    interface Verifier {
        JWTCallerPrincipal verify(String token, JWTAuthContextInfo settings) throws ParseException;
    }

    private record Verified(JWTAuthContextInfo settings, JWTCallerPrincipal principal, long expiresAtMillis) {
    }

    private final Verifier verifier;
    private final Predicate<JWTCallerPrincipal> cacheable;
    private final Cache<String, Verified> cache;

    VerifiedTokens(int maximumSize, Verifier verifier, Predicate<JWTCallerPrincipal> cacheable) {
        this.verifier = verifier;
        this.cacheable = cacheable;
        this.cache = maximumSize <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Verified>writing((token, verified) ->
                        Duration.ofMillis(Math.max(0, verified.expiresAtMillis() - System.currentTimeMillis()))))
                // Eviction and expiry run on the request's thread: a few map operations, and no common-pool task
                // scheduled from the event loop for each of them.
                .executor(Runnable::run)
                .build();
    }

    /** The principal of {@code token}: the cached one while it lives, else the verifier's (which throws on refusal). */
    JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
        if (cache == null) {
            return verifier.verify(token, settings);
        }
        Verified hit = cache.getIfPresent(token);
        if (hit != null && hit.settings() == settings && hit.expiresAtMillis() > System.currentTimeMillis()) {
            return hit.principal();
        }
        JWTCallerPrincipal principal = verifier.verify(token, settings);
        long expiresAtMillis = principal.getExpirationTime() * 1000;
        if (expiresAtMillis > System.currentTimeMillis() && cacheable.test(principal)) {
            cache.put(token, new Verified(settings, principal, expiresAtMillis));
        }
        return principal;
    }

    /** How many tokens are held, after pending evictions (for tests). */
    long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
