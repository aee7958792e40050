package dev.recall.platform.problem;

import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises failures that say "the database (or the network to it) is away for now" rather than "this
 * request is wrong": a dropped or refused connection, an administrator's shutdown, too many connections,
 * a pool timeout, a serialisation conflict. The request changed nothing and the same request may succeed
 * in a moment, so the API answers 503 with {@code Retry-After}.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ClosedConnectionException || t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof SQLTransientException || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            if (transientSqlState(SqlStates.of(t))) {
                return true;
            }
            if (t instanceof java.net.SocketException || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof java.io.IOException && lostConnection(t.getMessage())) {
                return true;
            }
            if (t instanceof io.vertx.core.VertxException && lostConnection(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SQL client and Netty report a connection that went away in words only, e.g. "Connection is not
     * active now, current status: CLOSED", "Pending requests failed to be sent due to connection has been
     * closed", "Connection reset by peer", or a pool wait that ran out ("Timeout").
     */
    static boolean lostConnection(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("timeout") || m.contains("broken pipe")
                || m.contains("connection") && (m.contains("closed") || m.contains("closing") || m.contains("not active")
                || m.contains("lost") || m.contains("reset") || m.contains("refused"));
    }

    /**
     * SQLSTATE classes 08 (connection exception), 53 (insufficient resources: too many connections), 57P
     * (operator intervention: admin/crash shutdown, cannot connect now), 55000 (the database does not accept
     * connections at the moment), and 40001/40P01 (serialisation
     * failure, deadlock: the transaction rolled back and may simply be retried).
     */
    static boolean transientSqlState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("55000") || state.equals("40001") || state.equals("40P01"));
    }
}
