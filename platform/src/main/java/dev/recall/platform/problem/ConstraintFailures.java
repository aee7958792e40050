package dev.recall.platform.problem;

import java.util.List;

/**
 * The last safety net between a refused write and a 500: when the database itself rejects a statement because
 * of the data (a unique key another request took first, a missing parent, a value out of range or not storable),
 * the request was wrong or lost a race, nothing was changed, and the client hears a 4xx. Services should still
 * turn the cases they expect into their own problem types; this covers the ones nobody foresaw.
 */
public final class ConstraintFailures {

    private ConstraintFailures() {
    }

    /** The problem for a failure whose cause chain holds a data or constraint SQLSTATE, or null if it holds none. */
    public static Problem problem(Throwable failure, String instance) {
        if (SqlStates.anyInChain(failure, state -> state.equals("23505") || state.equals("23P01"))) {
            return new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                    "another request created the same thing at the same moment; nothing was changed; read it, or retry", instance, List.of());
        }
        if (SqlStates.anyInChain(failure, state -> state.equals("23503"))) {
            return new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                    "the request refers to something that no longer exists; nothing was changed", instance, List.of());
        }
        if (SqlStates.anyInChain(failure, state -> state.startsWith("22") || state.equals("23502") || state.equals("23514")
                || state.equals("54000") || state.equals("54001"))) {
            return new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400,
                    "a value of the request is out of range or cannot be stored; nothing was changed", instance, List.of());
        }
        return null;
    }
}
