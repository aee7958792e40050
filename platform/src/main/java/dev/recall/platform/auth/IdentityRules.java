package dev.recall.platform.auth;

import dev.recall.platform.problem.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a signed token must also say before Recall trusts it. The signature, issuer and expiry are checked by
 * smallrye-jwt; these rules cover what it does not: identity claims are used as they are written (never
 * trimmed, unquoted or lower-cased, so two spellings can never name one tenant), a token may not be issued in
 * the future, and it may not live longer than the deployment allows. They also check expiry against the clock
 * again (as smallrye-jwt does, with the same skew), because a token's verification may be cached. Pure, so its
 * tests need no server.
 */
public record IdentityRules(Duration clockSkew, Duration maxLifetime) {

    /** Lower-case letters, digits and inner hyphens, as in a DNS label: safe in URLs, logs and SQL keys. */
    public static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Keycloak's UUIDs, Auth0's {@code auth0|123}, e-mail-like and numeric subjects; nothing blank, quoted or control. */
    public static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:|+=-]{0,254}");

    /** The claims read from a verified token; times in epoch seconds, null when the claim is absent. */
    public record Claims(Object tenant, String subject, Long issuedAt, Long expiresAt) {
    }

    /** Empty when the token may be used; otherwise why not, in words fit for the 401's detail. */
    public Optional<Text> refusal(Claims claims, Instant now) {
        if (!(claims.tenant() instanceof String tenant) || !TENANT.matcher(tenant).matches()) {
            return Optional.of(Text.of("auth.token-tenant"));
        }
        if (claims.subject() == null || !SUBJECT.matcher(claims.subject()).matches()) {
            return Optional.of(Text.of("auth.token-sub"));
        }
        if (claims.issuedAt() == null || claims.expiresAt() == null) {
            return Optional.of(Text.of("auth.token-times"));
        }
        if (claims.expiresAt() <= now.minus(clockSkew).getEpochSecond()) {
            // smallrye-jwt refuses it too (its message), but a cached verification (VerifiedTokens) is not redone.
            return Optional.of(Text.of("auth.token-invalid"));
        }
        if (claims.issuedAt() > now.plus(clockSkew).getEpochSecond()) {
            return Optional.of(Text.of("auth.token-future"));
        }
        if (claims.expiresAt() - claims.issuedAt() > maxLifetime.toSeconds()) {
            return Optional.of(Text.of("auth.token-lifetime", maxLifetime.toSeconds()));
        }
        return Optional.empty();
    }
}
