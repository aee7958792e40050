package dev.recall.platform.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTests {

    static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }

    @Test
    void aDroppedOrRefusedConnectionIsTransientHoweverDeeplyWrapped() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new CompletionException(ClosedConnectionException.INSTANCE)))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
        assertThat(TransientFailures.isTransient(pg("57P01", "terminating connection due to administrator command"))).isTrue();
        assertThat(TransientFailures.isTransient(pg("55000", "database \"x\" is not currently accepting connections"))).isTrue();
        assertThat(TransientFailures.isTransient(pg("53300", "too many connections"))).isTrue();
        assertThat(TransientFailures.isTransient(pg("40001", "could not serialize access"))).isTrue();
    }

    @Test
    void aConnectionTheSqlClientOrNettyReportsAsGoneInWordsIsTransient() {
        // Messages as Vert.x 4.5's SocketConnectionBase and Netty's native transport word them.
        assertThat(TransientFailures.isTransient(new io.vertx.core.VertxException("Connection is not active now, current status: CLOSED", true))).isTrue();
        assertThat(TransientFailures.isTransient(new io.vertx.core.VertxException("Connection is not active now, current status: CLOSING", true))).isTrue();
        assertThat(TransientFailures.isTransient(new CompletionException(new io.vertx.core.VertxException(
                "Pending requests failed to be sent due to connection has been closed.", true)))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new java.io.IOException("recvAddress(..) failed: Connection reset by peer")))).isTrue();
        assertThat(TransientFailures.isTransient(new java.net.SocketException("Broken pipe"))).isTrue();
    }

    @Test
    void aWrongRequestOrABugIsNot() {
        assertThat(TransientFailures.isTransient(pg("23505", "duplicate key value violates unique constraint"))).isFalse();
        assertThat(TransientFailures.isTransient(pg("42P01", "relation does not exist"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
        assertThat(TransientFailures.isTransient(new io.vertx.core.VertxException("Invalid connection string option"))).isFalse();
        assertThat(TransientFailures.isTransient(new java.io.IOException("stream ended early"))).isFalse();
    }
}
