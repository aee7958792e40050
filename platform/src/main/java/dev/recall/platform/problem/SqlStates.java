package dev.recall.platform.problem;

import io.vertx.sqlclient.DatabaseException;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The SQLSTATE a database failure carries. It arrives two ways: from the reactive client as a Vert.x
 * {@link DatabaseException}, or wrapped by Hibernate as a {@link SQLException}; either may sit deep in the cause chain.
 */
public final class SqlStates {

    private SqlStates() {
    }

    /** The SQLSTATE of this throwable itself, or null if it carries none. */
    public static String of(Throwable t) {
        if (t instanceof DatabaseException db) {
            return db.getSqlState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    /** Whether any throwable in the cause chain carries a SQLSTATE that {@code test} accepts. */
    public static boolean anyInChain(Throwable failure, Predicate<String> test) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String state = of(t);
            if (state != null && test.test(state)) {
                return true;
            }
        }
        return false;
    }
}
