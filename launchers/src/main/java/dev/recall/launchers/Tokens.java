package dev.recall.launchers;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Mints real RS256 bearer tokens with Recall's claims (sub, tenant, groups) from a private key: the local
 * stack signs with its own dev key, tests with the test key pair ({@code dev.recall.testing.TestKeys}).
 */
public final class Tokens {

    public static final String ISSUER = "https://recall.dev";

    private final PrivateKey key;

    public Tokens(PrivateKey key) {
        this.key = key;
    }

    public static Tokens fromPem(Path privateKeyPem) {
        try {
            return new Tokens(KeyUtils.decodePrivateKey(Files.readString(privateKeyPem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + privateKeyPem, e);
        }
    }

    public String token(String tenant, String userId, Duration lifetime, String... groups) {
        return Jwt.issuer(ISSUER)
                .subject(userId)
                .upn(userId)
                .claim("tenant", tenant)
                .groups(Set.of(groups))
                .expiresIn(lifetime)
                .jws().keyId("recall")
                .sign(key);
    }

    public String learner(String tenant, String userId) {
        return token(tenant, userId, Duration.ofHours(1), "learner");
    }

    public String author(String tenant, String userId) {
        return token(tenant, userId, Duration.ofHours(1), "author", "learner");
    }

    public String admin(String tenant, String userId) {
        return token(tenant, userId, Duration.ofHours(1), "admin", "author", "learner");
    }
}
