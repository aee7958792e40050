package dev.recall.platform.auth;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityRulesTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final long T = NOW.getEpochSecond();
    final IdentityRules rules = new IdentityRules(Duration.ofSeconds(60), Duration.ofHours(24));

    IdentityRules.Claims claims(Object tenant, String sub) {
        return new IdentityRules.Claims(tenant, sub, T, T + 3600);
    }

    @Test
    void aPlainTokenPasses() {
        assertThat(rules.refusal(claims("acme", "alice"), NOW)).isEmpty();
        assertThat(rules.refusal(claims("tenant-42", "auth0|5f1c"), NOW)).isEmpty();
        assertThat(rules.refusal(claims("a", "8d3c2f1e-0b6a-4c55-9a57-1f0e2d3c4b5a"), NOW)).isEmpty();
    }

    @Test
    void aTenantIsNeverRewrittenIntoAnother() {
        // The defect: ac"me used to be unquoted into acme.
        for (Object tenant : new Object[]{"ac\"me", "\"acme\"", " acme", "acme ", "ACME", "Acme", "", "-acme", "ac me", "ac/me", "acme\u0000",
                "ａｃｍｅ", 42, null, java.util.List.of("acme"), "a".repeat(64)}) {
            assertThat(rules.refusal(claims(tenant, "alice"), NOW)).as("tenant %s", tenant).isPresent();
        }
        assertThat(rules.refusal(claims("a".repeat(63), "alice"), NOW)).isEmpty();
    }

    @Test
    void aSubjectMustBeAUserId() {
        for (String sub : new String[]{null, "", " alice", "al\"ice", "alice\n", "al ice", "<script>", "a".repeat(256)}) {
            assertThat(rules.refusal(claims("acme", sub), NOW)).as("sub %s", sub).isPresent();
        }
    }

    @Test
    void notIssuedInTheFutureBeyondTheSkew() {
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", T + 60, T + 3600), NOW)).isEmpty();
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", T + 61, T + 3600), NOW)).isPresent();
    }

    @Test
    void notExpiredBeyondTheSkew() {
        // smallrye-jwt checks this too, but not again for a verification it kept (VerifiedTokens).
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", T - 3600, T - 59), NOW)).isEmpty();
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", T - 3600, T - 60), NOW)).isPresent();
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", T - 7200, T - 3600), NOW)).isPresent();
    }

    @Test
    void notLivingLongerThanAllowed() {
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", T, T + 86_400), NOW)).isEmpty();
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", T, T + 86_401), NOW)).isPresent();
        long year5138 = Instant.parse("5138-11-16T09:46:40Z").getEpochSecond();
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", T, year5138), NOW)).isPresent();
        assertThat(rules.refusal(new IdentityRules.Claims("acme", "alice", null, T + 60), NOW)).isPresent();
    }

    @Property
    void everyAcceptedTenantIsItsOwnCanonicalSpelling(@ForAll String tenant) {
        if (rules.refusal(claims(tenant, "alice"), NOW).isEmpty()) {
            assertThat(tenant).isEqualTo(tenant.strip().toLowerCase(java.util.Locale.ROOT)).doesNotContain("\"");
        }
    }
}
