package dev.recall.platform.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * smallrye-jwt's principal factory (Quarkus picks an application's alternative over its default) with two changes:
 * verified tokens are kept in {@link VerifiedTokens} ({@code recall.auth.token-cache-size}, 0 turns it off), and the
 * principal looks up claim names in a map. The verification itself is smallrye-jwt's own
 * ({@link DefaultJWTTokenParser}, as its default factory uses it), so what is accepted and refused is unchanged.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingPrincipalFactory extends JWTCallerPrincipalFactory {

    private final VerifiedTokens tokens;

    @Inject
    public CachingPrincipalFactory(@ConfigProperty(name = "recall.auth.token-cache-size", defaultValue = "2048") int cacheSize,
                                   TokenChecks checks) {
        this.tokens = tokens(cacheSize, principal -> checks.refusal(principal, Instant.now()).isEmpty());
    }

    /** The cache over smallrye-jwt's verification; {@code cacheable} says which verified tokens may be kept. */
    static VerifiedTokens tokens(int cacheSize, java.util.function.Predicate<JWTCallerPrincipal> cacheable) {
        DefaultJWTTokenParser parser = new DefaultJWTTokenParser();
        return new VerifiedTokens(cacheSize, (token, settings) -> {
            JwtContext verified = parser.parse(token, settings);
            return new KnownClaimsPrincipal(verified.getJoseObjects().get(0).getHeader("typ"), verified.getJwtClaims());
        }, cacheable);
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        return tokens.parse(token, authContextInfo);
    }

    /**
     * smallrye-jwt's principal, but a claim's name is looked up in a map: the base class finds a name that is not a
     * standard claim (Recall's {@code tenant}) by catching the {@code IllegalArgumentException} of
     * {@code Claims.valueOf}, twice a request. Same answer for every name.
     */
    static final class KnownClaimsPrincipal extends DefaultJWTCallerPrincipal {

        private static final Map<String, Claims> STANDARD = new HashMap<>();

        static {
            for (Claims claim : Claims.values()) {
                STANDARD.put(claim.name(), claim);
            }
        }

        KnownClaimsPrincipal(String tokenType, JwtClaims claims) {
            super(tokenType, claims);
        }

        @Override
        protected Claims getClaimType(String claimName) {
            if (claimName == null) {
                return super.getClaimType(null);
            }
            return STANDARD.getOrDefault(claimName, Claims.UNKNOWN);
        }
    }
}
