package dev.recall.testing.security;

import dev.recall.launchers.Tokens;
import dev.recall.testing.TestKeys;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every kind of bearer token a service must refuse with 401: broken cryptography (none, garbage, foreign key,
 * {@code alg=none}, HS256 keyed with the public key, a tampered payload), the wrong issuer or an expired one,
 * and validly signed tokens whose claims break Recall's identity rules (no or odd tenant, no or odd subject,
 * issued in the future, living for millennia). A null value means "no Authorization header".
 */
public final class BadTokens {

    private BadTokens() {
    }

    public static Map<String, String> all() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("garbage", "not-a-jwt");
        tokens.put("three garbage parts", "abc.def.ghi");
        tokens.put("expired", signed(c -> c.issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))));
        tokens.put("foreign key", foreignKey());
        tokens.put("alg none", algNone());
        tokens.put("HS256 keyed with the public key", hs256WithPublicKey());
        tokens.put("tampered payload", tampered());
        tokens.put("wrong issuer", Jwt.issuer("https://evil.example").subject("mallory").claim("tenant", "acme")
                .groups(Set.of("admin", "author", "learner")).expiresIn(Duration.ofHours(1)).jws().keyId("recall").sign(TestKeys.privateKey()));
        tokens.put("no tenant", signed(c -> c.remove("tenant")));
        tokens.put("empty tenant", signed(c -> c.claim("tenant", "")));
        tokens.put("quoted tenant ac\"me", signed(c -> c.claim("tenant", "ac\"me")));
        tokens.put("upper-case tenant", signed(c -> c.claim("tenant", "ACME")));
        tokens.put("tenant with spaces", signed(c -> c.claim("tenant", " acme ")));
        tokens.put("numeric tenant claim", signed(c -> c.claim("tenant", 42)));
        tokens.put("array tenant claim", signed(c -> c.claim("tenant", java.util.List.of("acme"))));
        tokens.put("no subject", signed(c -> c.remove("sub").remove("upn")));
        tokens.put("subject with a quote", signed(c -> c.subject("al\"ice")));
        tokens.put("issued in the future", signed(c -> c.issuedAt(Instant.now().plusSeconds(3600)).expiresAt(Instant.now().plusSeconds(7200))));
        tokens.put("expires in 5138", signed(c -> c.expiresAt(Instant.parse("5138-11-16T09:46:40Z"))));
        tokens.put("lives 30 days", signed(c -> c.expiresAt(Instant.now().plus(Duration.ofDays(30)))));
        return tokens;
    }

    /** A token for tenant {@code acme}, user {@code alice} with every role, changed by {@code change} before signing. */
    public static String signed(Consumer<JwtClaimsBuilder> change) {
        JwtClaimsBuilder claims = Jwt.issuer(Tokens.ISSUER).subject("alice").upn("alice").claim("tenant", "acme")
                .groups(Set.of("admin", "author", "learner")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600));
        change.accept(claims);
        return claims.jws().keyId("recall").sign(TestKeys.privateKey());
    }

    private static String foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(Tokens.ISSUER).subject("alice").claim("tenant", "acme").groups(Set.of("admin", "author", "learner"))
                    .expiresIn(Duration.ofHours(1)).jws().keyId("recall").sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String algNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + b64(payload()) + ".";
    }

    private static String hs256WithPublicKey() {
        SecretKeySpec key = new SecretKeySpec(TestKeys.publicKeyPem().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return Jwt.issuer(Tokens.ISSUER).subject("alice").claim("tenant", "acme").groups(Set.of("admin", "author", "learner"))
                .expiresIn(Duration.ofHours(1)).jws().algorithm(SignatureAlgorithm.HS256).sign(key);
    }

    /** A validly signed token whose payload is swapped for one naming another tenant; the signature no longer matches. */
    private static String tampered() {
        String[] parts = signed(c -> { }).split("\\.");
        return parts[0] + "." + b64(payload().replace("\"acme\"", "\"globex\"")) + "." + parts[2];
    }

    private static String payload() {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"alice\",\"tenant\":\"acme\",\"groups\":[\"admin\",\"author\",\"learner\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
