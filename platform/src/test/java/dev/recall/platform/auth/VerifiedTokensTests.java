package dev.recall.platform.auth;

import dev.recall.launchers.Tokens;
import dev.recall.testing.TestKeys;
import dev.recall.testing.security.BadTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache of verified tokens over smallrye-jwt's real RS256 verification with the test key pair. */
class VerifiedTokensTests {

    final JWTAuthContextInfo settings = settings();
    final AtomicInteger verifications = new AtomicInteger();

    static JWTAuthContextInfo settings() {
        try {
            JWTAuthContextInfo settings = new JWTAuthContextInfo(KeyUtils.decodePublicKey(TestKeys.publicKeyPem()), Tokens.ISSUER);
            settings.setClockSkew(0);
            return settings;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** smallrye-jwt's verification as the service has it, counting how often it runs. */
    VerifiedTokens tokens(int size) {
        VerifiedTokens real = CachingPrincipalFactory.tokens(0, p -> false);
        return new VerifiedTokens(size, (token, s) -> {
            verifications.incrementAndGet();
            return real.parse(token, s);
        }, p -> p.getClaim("tenant") != null);
    }

    @Test
    void aTokenIsVerifiedOnceAndReadAsBefore() throws ParseException {
        VerifiedTokens tokens = tokens(16);
        String token = BadTokens.signed(c -> { });
        JWTCallerPrincipal first = tokens.parse(token, settings);
        JWTCallerPrincipal second = tokens.parse(token, settings);
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(second.getGroups()).containsExactlyInAnyOrder("admin", "author", "learner");
        assertThat(TokenChecks.claims(second, "tenant")).isEqualTo(new IdentityRules.Claims("acme", "alice",
                second.getIssuedAtTime(), second.getExpirationTime()));
        assertThat((Object) second.getClaim("no-such-claim")).isNull();
    }

    @Test
    void aSignatureOneCharacterOffIsVerifiedAgainAndRefused() throws ParseException {
        VerifiedTokens tokens = tokens(16);
        String token = BadTokens.signed(c -> { });
        tokens.parse(token, settings);
        int at = token.lastIndexOf('.') + 20; // inside the signature, where every bit of a character counts
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThatThrownBy(() -> tokens.parse(forged, settings)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
        assertThatThrownBy(() -> tokens.parse(forged, settings)).isInstanceOf(ParseException.class);
        assertThat(verifications).as("a refused token is never kept").hasValue(3);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefusedAlthoughItWasCached() throws Exception {
        VerifiedTokens tokens = tokens(16);
        long exp = Instant.now().getEpochSecond() + 2;
        String token = BadTokens.signed(c -> c.issuedAt(Instant.now().minusSeconds(10)).expiresAt(exp));
        tokens.parse(token, settings);
        tokens.parse(token, settings);
        assertThat(verifications).hasValue(1);
        while (System.currentTimeMillis() <= exp * 1000 + 1000) {
            Thread.sleep(100);
        }
        assertThatThrownBy(() -> tokens.parse(token, settings)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theSizeIsBounded() throws ParseException {
        VerifiedTokens tokens = tokens(3);
        for (int i = 0; i < 20; i++) {
            String user = "user-" + i;
            tokens.parse(BadTokens.signed(c -> c.subject(user)), settings);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void onlyWhatTheRulesAcceptIsKeptAndOnlyForItsOwnSettings() throws ParseException {
        VerifiedTokens tokens = tokens(16);
        String noTenant = BadTokens.signed(c -> c.remove("tenant"));
        tokens.parse(noTenant, settings);
        tokens.parse(noTenant, settings);
        assertThat(verifications).hasValue(2);

        String token = BadTokens.signed(c -> { });
        tokens.parse(token, settings);
        tokens.parse(token, new JWTAuthContextInfo(settings));
        assertThat(verifications).hasValue(4);
    }

    @Test
    void noCacheVerifiesEveryTime() throws ParseException {
        VerifiedTokens tokens = tokens(0);
        String token = BadTokens.signed(c -> { });
        tokens.parse(token, settings);
        tokens.parse(token, settings);
        assertThat(verifications).hasValue(2);
    }
}
