package dev.recall.platform.auth;

import dev.recall.platform.problem.ProblemException;
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

    public String userId() {
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw ProblemException.forbidden("the token has no subject");
        }
        return sub;
    }

    public String tenant() {
        Object tenant = jwt.getClaim("tenant");
        String value = tenant == null ? null : tenant.toString().replace("\"", "");
        if (value == null || value.isBlank()) {
            throw ProblemException.forbidden("the token has no tenant claim");
        }
        return value;
    }

    public boolean is(String group) {
        return jwt.getGroups() != null && jwt.getGroups().contains(group);
    }
}
