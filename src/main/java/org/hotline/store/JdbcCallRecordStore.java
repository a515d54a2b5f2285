package org.hotline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.recording.RecordingInfo;

/**
 * Reads call records, the event log and recordings, and sets the complaint flag (rule R15), for
 * the HTTP API and QA sampling. Each call takes a pooled connection; a database that is away
 * throws {@link StoreUnavailableException}. Thread-safe (the pool is).
 */
public final class JdbcCallRecordStore {

    private static final String CALL_SELECT = "SELECT * FROM call_record ";
    private static final TypeReference<List<RecordingInfo.Segment>> SEGMENTS = new TypeReference<>() { };

    private final StoreDatabase database;
    private final ObjectMapper json;

    JdbcCallRecordStore(StoreDatabase database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Calls that arrived in [from, to), oldest first, at most {@code limit}. */
    public List<CallRecord> calls(Instant from, Instant to, int limit) {
        return query(CALL_SELECT + "WHERE arrived_at >= ? AND arrived_at < ? ORDER BY arrived_at, call_id", limit,
                statement -> {
                    Sql.instant(statement, 1, from);
                    Sql.instant(statement, 2, to);
                }, JdbcCallRecordStore::call);
    }

    /** Calls an agent took in [from, to) that have a recording: what QA samples from (rule R14). */
    public List<CallRecord> recordedCallsConnected(Instant from, Instant to) {
        return query(CALL_SELECT + "WHERE connected_at >= ? AND connected_at < ? AND agent IS NOT NULL "
                + "AND recording_id IS NOT NULL ORDER BY call_id", Integer.MAX_VALUE, statement -> {
                    Sql.instant(statement, 1, from);
                    Sql.instant(statement, 2, to);
                }, JdbcCallRecordStore::call);
    }

    /** The work numbers of the agents connected to a caller in [from, to), recorded or not. */
    public List<String> agentsConnected(Instant from, Instant to) {
        return query("SELECT DISTINCT agent FROM call_record WHERE connected_at >= ? AND connected_at < ? "
                + "AND agent IS NOT NULL ORDER BY agent", Integer.MAX_VALUE, statement -> {
                    Sql.instant(statement, 1, from);
                    Sql.instant(statement, 2, to);
                }, row -> row.getString(1));
    }

    public Optional<CallRecord> call(String callId) {
        return query(CALL_SELECT + "WHERE call_id = ?", 1, statement -> statement.setString(1, callId),
                JdbcCallRecordStore::call).stream().findFirst();
    }

    public List<CallRecord> callsById(List<String> callIds) {
        List<CallRecord> calls = new ArrayList<>();
        for (String callId : callIds) {
            call(callId).ifPresent(calls::add);
        }
        return calls;
    }

    /** Log entries with a sequence number above {@code after}, in order, at most {@code limit}. */
    public List<LoggedEvent> events(long after, int limit) {
        return events(after, Instant.EPOCH, limit);
    }

    /** Log entries with a sequence number above {@code after} that happened at or after {@code from}: a day's replay. */
    public List<LoggedEvent> events(long after, Instant from, int limit) {
        return query("SELECT * FROM call_event WHERE seq > ? AND occurred_at >= ? ORDER BY seq", limit, statement -> {
                    statement.setLong(1, after);
                    Sql.instant(statement, 2, from);
                },
                row -> new LoggedEvent(row.getLong("seq"), row.getString("event_id"), Sql.instant(row, "occurred_at"),
                        row.getString("event_type"), row.getString("call_id"), row.getString("queue_name"),
                        row.getString("agent"), row.getString("details")));
    }

    /** Audit lines (rule R15) with a sequence number above {@code after}, in order, at most {@code limit}. */
    public List<Audited> audit(long after, int limit) {
        return query("SELECT * FROM audit_log WHERE seq > ? ORDER BY seq", limit, statement -> statement.setLong(1, after),
                row -> new Audited(row.getLong("seq"), new AuditEntry(row.getString("event_id"), Sql.instant(row, "occurred_at"),
                        row.getString("user_name"), row.getString("action"), row.getString("target"), row.getInt("status"),
                        row.getString("remote"))));
    }

    /** A stored audit line with its sequence number. */
    public record Audited(long seq, AuditEntry entry) {}

    public Optional<StoredRecording> recording(String recordingId) {
        return query("SELECT * FROM recording WHERE recording_id = ?", 1, statement -> statement.setString(1, recordingId),
                this::recording).stream().findFirst();
    }

    /**
     * Sets (or with a null {@code complaint} clears) the complaint flag of a call (rule R15); false if
     * there is no such call.
     */
    public boolean flagComplaint(String callId, CallRecord.Complaint complaint) {
        String sql = "UPDATE call_record SET complaint = ?, complaint_by = ?, complaint_at = ?, complaint_note = ? "
                + "WHERE call_id = ?";
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBoolean(1, complaint != null);
            statement.setString(2, complaint == null ? null : complaint.flaggedBy());
            Sql.instant(statement, 3, complaint == null ? null : complaint.flaggedAt());
            statement.setString(4, complaint == null ? null : complaint.note());
            statement.setString(5, callId);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    /** Complaint calls that arrived in [from, to). */
    public List<CallRecord> complaintCalls(Instant from, Instant to) {
        return query(CALL_SELECT + "WHERE complaint = TRUE AND arrived_at >= ? AND arrived_at < ? ORDER BY call_id",
                Integer.MAX_VALUE, statement -> {
                    Sql.instant(statement, 1, from);
                    Sql.instant(statement, 2, to);
                }, JdbcCallRecordStore::call);
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    <T> List<T> query(String sql, int limit, Binder binder, RowReader<T> reader) {
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(limit);
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next() && rows.size() < limit) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    private static CallRecord call(ResultSet row) throws SQLException {
        CallRecord.Complaint complaint = row.getBoolean("complaint")
                ? new CallRecord.Complaint(row.getString("complaint_by"), Sql.instant(row, "complaint_at"),
                        row.getString("complaint_note"))
                : null;
        return new CallRecord(row.getString("call_id"), row.getString("caller"), row.getString("dialled_number"),
                Sql.instant(row, "arrived_at"), Sql.instant(row, "answered_at"), Sql.instant(row, "queued_at"),
                Sql.instant(row, "connected_at"), Sql.instant(row, "ended_at"), row.getString("menu_path"),
                row.getString("queue_name"), row.getString("agent"), CallOutcome.valueOf(row.getString("outcome")),
                row.getString("end_reason"), Sql.millis(row, "wait_ms"), Sql.millis(row, "talk_ms"),
                Sql.millis(row, "hold_ms"), Sql.millis(row, "wrap_up_ms"), Sql.integer(row, "survey_score"),
                row.getString("recording_id"), complaint, Sql.instant(row, "last_event_at"));
    }

    private StoredRecording recording(ResultSet row) throws SQLException {
        List<RecordingInfo.Segment> segments;
        try {
            segments = json.readValue(row.getString("segments"), SEGMENTS);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable segments of recording " + row.getString("recording_id"), e);
        }
        return new StoredRecording(row.getString("recording_id"), row.getString("call_id"), row.getString("file_path"),
                Sql.instant(row, "started_at"), Sql.instant(row, "ended_at"), Sql.millis(row, "length_ms"),
                row.getString("sha256"), segments, row.getString("queue_name"), row.getString("agent"),
                row.getBoolean("repaired"), StoredRecording.Status.valueOf(row.getString("status")));
    }
}
