package dev.recall.platform.problem;

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
    public static ProblemException problem(Throwable failure) {
        if (SqlStates.anyInChain(failure, state -> state.equals("23505") || state.equals("23P01"))) {
            return ProblemException.conflict("conflict", Text.of("database.duplicate"));
        }
        if (SqlStates.anyInChain(failure, state -> state.equals("23503"))) {
            return ProblemException.conflict("conflict", Text.of("database.missing-reference"));
        }
        if (SqlStates.anyInChain(failure, state -> state.startsWith("22") || state.equals("23502") || state.equals("23514")
                || state.equals("54000") || state.equals("54001"))) {
            return new ProblemException(400, "validation", Text.of("database.out-of-range"));
        }
        return null;
    }
}
