package dev.recall.platform.auth;

import dev.recall.platform.problem.Text;

/**
 * Why {@link IdentityRules} refuse a verified token: the cause of the {@code AuthenticationFailedException} (a final
 * class) that {@link TokenChecks} fails with, so the 401's detail can be written in the caller's language.
 */
public class TokenRefused extends RuntimeException {

    private final Text reason;

    public TokenRefused(Text reason) {
        super(reason.toString(), null, false, false);
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
