package dev.recall.platform.auth;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A deployment wired to an OIDC provider the way docs/identity.md describes Keycloak: keys from a JWKS URL (served
 * here from a key made for the run), roles under {@code realm_access.roles}, an audience, the tenant in its own claim.
 */
@QuarkusTest
@TestProfile(IdentityProviderTests.Keycloak.class)
class IdentityProviderTests {

    static final String ISSUER = "https://sso.example/realms/recall";
    static RsaJsonWebKey key;

    public static class Keycloak implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Jwks.class));
        }
    }

    /** Serves the realm's JWKS, as Keycloak does at /protocol/openid-connect/certs. */
    public static class Jwks implements QuarkusTestResourceLifecycleManager {
        HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId("kc-2026");
                byte[] jwks = new JsonWebKeySet(key).toJson().getBytes(StandardCharsets.UTF_8);
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/realms/recall/protocol/openid-connect/certs", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                    exchange.close();
                });
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of(
                    "mp.jwt.verify.publickey.location",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/recall/protocol/openid-connect/certs",
                    "mp.jwt.verify.issuer", ISSUER,
                    "mp.jwt.verify.audiences", "recall-web",
                    "smallrye.jwt.path.groups", "realm_access/roles");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    static String keycloakToken(String audience, Object realmRoles) {
        return Jwt.issuer(ISSUER).subject("8d3c2f1e-0b6a-4c55-9a57-1f0e2d3c4b5a").audience(audience)
                .claim("tenant", "acme").claim("realm_access", Map.of("roles", realmRoles))
                .claim("preferred_username", "alice").expiresIn(Duration.ofMinutes(5))
                .jws().keyId("kc-2026").sign(key.getPrivateKey());
    }

    @Test
    void aKeycloakShapedTokenSignedByAJwksKeyIsAccepted() {
        given().auth().oauth2(keycloakToken("recall-web", List.of("learner", "offline_access"))).get("/api/test/whoami")
                .then().statusCode(200).body("tenant", equalTo("acme")).body("user", equalTo("8d3c2f1e-0b6a-4c55-9a57-1f0e2d3c4b5a"));
    }

    @Test
    void rolesAreReadFromTheConfiguredPathOnly() {
        given().auth().oauth2(keycloakToken("recall-web", List.of("offline_access"))).get("/api/test/whoami").then().statusCode(403);
    }

    @Test
    void anotherAudienceOrTheTestKeyIsRefused() {
        given().auth().oauth2(keycloakToken("other-app", List.of("learner"))).get("/api/test/whoami")
                .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        // Signed by the default test key, which this deployment's JWKS does not hold.
        given().auth().oauth2(dev.recall.testing.security.BadTokens.signed(c -> { })).get("/api/test/whoami").then().statusCode(401);
    }
}
