package dev.recall.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The outbox rows the broker refused ({@code outbox_dead_letter}): list them, and move chosen ones back to publish them. */
@ApplicationScoped
public class OutboxDeadLetters {

    /** A refused row without its payload (which may be megabytes): what an operator needs to judge it. */
    public record Row(long id, String eventId, String topic, String key, int payloadBytes, String reason, Instant createdAt,
                      Instant failedAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT count(*) FROM outbox_dead_letter");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public List<Row> list(int limit, long afterId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, event_id, topic, record_key, octet_length(payload), reason, "
                     + "created_at, failed_at FROM outbox_dead_letter WHERE id > ? ORDER BY id LIMIT ?")) {
            select.setLong(1, afterId);
            select.setInt(2, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()));
                }
            }
            return rows;
        }
    }

    /**
     * Moves the rows back into the outbox under their old ids (so they keep their place before later
     * events of the same aggregate) and wakes the relay; returns the ids moved. A row the broker still
     * refuses comes back here with the new reason.
     */
    public List<Long> replay(List<Long> ids) throws SQLException {
        List<Long> moved = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement move = c.prepareStatement(
                    "WITH gone AS (DELETE FROM outbox_dead_letter WHERE id = ? RETURNING id, event_id, topic, record_key, payload, created_at) "
                            + "INSERT INTO outbox_event (id, event_id, topic, record_key, payload, created_at) OVERRIDING SYSTEM VALUE "
                            + "SELECT id, event_id, topic, record_key, payload, created_at FROM gone RETURNING id")) {
                for (long id : ids) {
                    move.setLong(1, id);
                    try (ResultSet rs = move.executeQuery()) {
                        if (rs.next()) {
                            moved.add(rs.getLong(1));
                        }
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        Log.infof("outbox dead letters %s moved back to the outbox", moved);
        relay.recount();
        relay.nudge();
        return moved;
    }
}
