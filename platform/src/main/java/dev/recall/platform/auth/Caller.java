package dev.recall.platform.auth;

import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.problem.Text;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: {@code sub} is the user, {@code tenant} the tenant, {@code groups} the roles
 * (learner, author, admin). Every query a service runs is scoped by {@link #tenant()}.
 */
@RequestScoped
public class Caller {

    public static final String LEARNER = "learner";
    public static final String AUTHOR = "author";
    public static final String ADMIN = "admin";

    @Inject
    JsonWebToken jwt;

    /** Application-scoped: the tenant claim's name is read from the configuration once, not once per request. */
    @Inject
    TokenChecks checks;

    /** The token's {@code sub}, exactly as signed; {@link TokenChecks} refused the token at authentication if it is not a user id. */
    public String userId() {
        String sub = jwt.getSubject();
        if (sub == null || !IdentityRules.SUBJECT.matcher(sub).matches()) {
            throw ProblemException.unauthorized(Text.of("auth.token-sub"));
        }
        return sub;
    }

    /** The token's tenant, exactly as signed (never trimmed or unquoted: {@code ac"me} is not {@code acme}). */
    public String tenant() {
        Object claim = TokenChecks.claims(jwt, checks.tenantClaim()).tenant();
        if (!(claim instanceof String tenant) || !IdentityRules.TENANT.matcher(tenant).matches()) {
            throw ProblemException.unauthorized(Text.of("auth.token-tenant"));
        }
        return tenant;
    }

    public boolean is(String group) {
        return jwt.getGroups() != null && jwt.getGroups().contains(group);
    }
}
