package org.hotline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hotline.acd.CallbackEntry;

/**
 * Applies {@link StoreWrite}s on one connection, each idempotently: records and recordings are
 * updated in place or inserted, log lines are inserted unless their id is already there. Plain SQL
 * both H2 and PostgreSQL accept. Used by the writer thread only.
 */
final class JdbcWrites {

    private static final String CALL_COLUMNS = "run_id = ?, caller = ?, dialled_number = ?, arrived_at = ?, answered_at = ?, "
            + "queued_at = ?, connected_at = ?, ended_at = ?, last_event_at = ?, menu_path = ?, queue_name = ?, agent = ?, "
            + "outcome = ?, end_reason = ?, wait_ms = ?, talk_ms = ?, hold_ms = ?, wrap_up_ms = ?, survey_score = ?, "
            + "recording_id = ?";
    private static final String UPDATE_CALL = "UPDATE call_record SET " + CALL_COLUMNS + " WHERE call_id = ?";
    private static final String INSERT_CALL = "INSERT INTO call_record (run_id, caller, dialled_number, arrived_at, "
            + "answered_at, queued_at, connected_at, ended_at, last_event_at, menu_path, queue_name, agent, outcome, "
            + "end_reason, wait_ms, talk_ms, hold_ms, wrap_up_ms, survey_score, recording_id, call_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO call_event (event_id, occurred_at, event_type, call_id, "
            + "queue_name, agent, details) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
            + "(SELECT 1 FROM call_event WHERE event_id = ?)";
    private static final String RECORDING_COLUMNS = "call_id = ?, file_path = ?, started_at = ?, ended_at = ?, length_ms = ?, "
            + "sha256 = ?, segments = ?, queue_name = ?, agent = ?, repaired = ?, status = ?";
    private static final String UPDATE_RECORDING = "UPDATE recording SET " + RECORDING_COLUMNS + " WHERE recording_id = ?";
    private static final String INSERT_RECORDING = "INSERT INTO recording (call_id, file_path, started_at, ended_at, "
            + "length_ms, sha256, segments, queue_name, agent, repaired, status, recording_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_AUDIT = "INSERT INTO audit_log (event_id, occurred_at, user_name, action, target, "
            + "status, remote) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE event_id = ?)";

    private static final String CALLBACK_COLUMNS = "run_id = ?, requested_by = ?, queue_name = ?, phone_number = ?, "
            + "language = ?, priority = ?, place_at = ?, requested_at = ?, attempts = ?, next_attempt_at = ?, status = ?, "
            + "merged_into = ?, updated_at = ?";
    private static final String UPDATE_CALLBACK = "UPDATE callback SET " + CALLBACK_COLUMNS + " WHERE callback_id = ?";
    private static final String INSERT_CALLBACK = "INSERT INTO callback (run_id, requested_by, queue_name, phone_number, "
            + "language, priority, place_at, requested_at, attempts, next_attempt_at, status, merged_into, updated_at, "
            + "callback_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final ObjectMapper json;

    JdbcWrites(ObjectMapper json) {
        this.json = json;
    }

    /** Applies the writes in one transaction; on failure nothing of them is kept. */
    void apply(Connection connection, List<StoreWrite> writes) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (StoreWrite write : writes) {
                apply(connection, write);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void apply(Connection connection, StoreWrite write) throws SQLException {
        switch (write) {
            case StoreWrite.PutCall put -> putCall(connection, put);
            case StoreWrite.SetWrapUp wrapUp -> update(connection, "UPDATE call_record SET wrap_up_ms = ? WHERE call_id = ?",
                    wrapUp.wrapUp().toMillis(), wrapUp.callId());
            case StoreWrite.LinkRecording link -> update(connection, "UPDATE call_record SET recording_id = ? WHERE call_id = ?",
                    link.recordingId(), link.callId());
            case StoreWrite.AppendEvent event -> appendEvent(connection, event.event());
            case StoreWrite.PutRecording recording -> putRecording(connection, recording.recording());
            case StoreWrite.AppendAudit audit -> appendAudit(connection, audit.entry());
            case StoreWrite.PutCallback callback -> putCallback(connection, callback);
        }
    }

    private static void putCall(Connection connection, StoreWrite.PutCall put) throws SQLException {
        if (bindCall(connection, UPDATE_CALL, put) == 0) {
            bindCall(connection, INSERT_CALL, put);
        }
    }

    private static int bindCall(Connection connection, String sql, StoreWrite.PutCall put) throws SQLException {
        CallRecord call = put.record();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, put.runId());
            statement.setString(2, call.caller());
            statement.setString(3, call.dialledNumber());
            Sql.instant(statement, 4, call.arrivedAt());
            Sql.instant(statement, 5, call.answeredAt());
            Sql.instant(statement, 6, call.queuedAt());
            Sql.instant(statement, 7, call.connectedAt());
            Sql.instant(statement, 8, call.endedAt());
            Sql.instant(statement, 9, call.lastEventAt());
            statement.setString(10, call.menuPath());
            statement.setString(11, call.queue());
            statement.setString(12, call.agent());
            statement.setString(13, call.outcome().name());
            statement.setString(14, call.endReason());
            Sql.millis(statement, 15, call.waited());
            Sql.millis(statement, 16, call.talked());
            Sql.millis(statement, 17, call.held());
            Sql.millis(statement, 18, call.wrapUp());
            Sql.integer(statement, 19, call.surveyScore());
            statement.setString(20, call.recordingId());
            statement.setString(21, call.callId());
            return statement.executeUpdate();
        }
    }

    private static void update(Connection connection, String sql, Object value, String callId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, value);
            statement.setString(2, callId);
            statement.executeUpdate();
        }
    }

    private static void appendEvent(Connection connection, LoggedEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_EVENT)) {
            statement.setString(1, event.eventId());
            Sql.instant(statement, 2, event.at());
            statement.setString(3, event.type());
            statement.setString(4, event.callId());
            statement.setString(5, event.queue());
            statement.setString(6, event.agent());
            statement.setString(7, event.details());
            statement.setString(8, event.eventId());
            statement.executeUpdate();
        }
    }

    private void putRecording(Connection connection, StoredRecording recording) throws SQLException {
        if (bindRecording(connection, UPDATE_RECORDING, recording) == 0) {
            bindRecording(connection, INSERT_RECORDING, recording);
        }
    }

    private int bindRecording(Connection connection, String sql, StoredRecording recording) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, recording.callId());
            statement.setString(2, recording.file());
            Sql.instant(statement, 3, recording.started());
            Sql.instant(statement, 4, recording.ended());
            Sql.millis(statement, 5, recording.length());
            statement.setString(6, recording.sha256());
            statement.setString(7, segments(recording));
            statement.setString(8, recording.queue());
            statement.setString(9, recording.agent());
            statement.setBoolean(10, recording.repairedAfterCrash());
            statement.setString(11, recording.status().name());
            statement.setString(12, recording.id());
            return statement.executeUpdate();
        }
    }

    private String segments(StoredRecording recording) {
        try {
            return json.writeValueAsString(recording.segments());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the segments of recording " + recording.id(), e);
        }
    }

    private static void putCallback(Connection connection, StoreWrite.PutCallback put) throws SQLException {
        if (bindCallback(connection, UPDATE_CALLBACK, put) == 0) {
            bindCallback(connection, INSERT_CALLBACK, put);
        }
    }

    private static int bindCallback(Connection connection, String sql, StoreWrite.PutCallback put) throws SQLException {
        CallbackEntry callback = put.callback();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, put.runId());
            statement.setString(2, callback.requestedBy());
            statement.setString(3, callback.queue());
            statement.setString(4, callback.number());
            statement.setString(5, callback.language());
            statement.setInt(6, callback.priority());
            Sql.instant(statement, 7, callback.placeAt());
            Sql.instant(statement, 8, callback.requestedAt());
            statement.setInt(9, callback.attempts());
            Sql.instant(statement, 10, callback.nextAttemptAt());
            statement.setString(11, callback.status().name());
            statement.setString(12, callback.mergedInto());
            Sql.instant(statement, 13, callback.updatedAt());
            statement.setString(14, callback.callbackId());
            return statement.executeUpdate();
        }
    }

    private static void appendAudit(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_AUDIT)) {
            statement.setString(1, entry.eventId());
            Sql.instant(statement, 2, entry.at());
            statement.setString(3, entry.user());
            statement.setString(4, entry.action());
            statement.setString(5, entry.target());
            statement.setInt(6, entry.status());
            statement.setString(7, entry.remote());
            statement.setString(8, entry.eventId());
            statement.executeUpdate();
        }
    }
}
