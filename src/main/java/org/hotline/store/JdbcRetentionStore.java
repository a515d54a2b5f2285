package org.hotline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The retention job's side of the store (rule R15): finished recordings past their retention whose
 * call is no complaint, the sampled calls QA has not scored yet, and marking a recording deleted
 * (its row stays, status {@code DELETED}). Called from the retention job's thread only; a database
 * that is away throws {@link StoreUnavailableException}. Thread-safe (the pool is).
 */
public final class JdbcRetentionStore {

    private static final String NO_COMPLAINT = "NOT EXISTS (SELECT 1 FROM call_record c WHERE c.call_id = r.call_id "
            + "AND c.complaint = TRUE)";

    private final StoreDatabase database;

    JdbcRetentionStore(StoreDatabase database) {
        this.database = database;
    }

    /** A recording the job may delete; {@code file} is the WAV, server-side only. */
    public record Expired(String recordingId, String callId, String file, Instant started) {}

    /** Finished recordings that started before {@code cutoff} and whose call is not flagged as a complaint, oldest first. */
    public List<Expired> expired(Instant cutoff) {
        String sql = "SELECT r.recording_id, r.call_id, r.file_path, r.started_at FROM recording r WHERE r.status = ? "
                + "AND r.started_at < ? AND " + NO_COMPLAINT + " ORDER BY r.started_at, r.recording_id";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, StoredRecording.Status.FINISHED.name());
            Sql.instant(statement, 2, cutoff);
            List<Expired> expired = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    expired.add(new Expired(row.getString("recording_id"), row.getString("call_id"),
                            row.getString("file_path"), Sql.instant(row, "started_at")));
                }
            }
            return expired;
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    /** Whether the recording is still finished and its call still no complaint: asked again just before deleting. */
    public boolean stillExpired(String recordingId) {
        String sql = "SELECT COUNT(*) FROM recording r WHERE r.recording_id = ? AND r.status = ? AND " + NO_COMPLAINT;
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, recordingId);
            statement.setString(2, StoredRecording.Status.FINISHED.name());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    /** Calls in a stored QA sample (rule R14) that have no score yet: under review. */
    public Set<String> unscoredSampledCalls() {
        String sql = "SELECT DISTINCT s.call_id FROM qa_sample s WHERE NOT EXISTS "
                + "(SELECT 1 FROM qa_score q WHERE q.call_id = s.call_id)";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            Set<String> calls = new HashSet<>();
            while (row.next()) {
                calls.add(row.getString(1));
            }
            return calls;
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    /** Marks a finished recording deleted at {@code at}; false if it was not (or no longer) finished. */
    public boolean markDeleted(String recordingId, Instant at) {
        String sql = "UPDATE recording SET status = ?, deleted_at = ? WHERE recording_id = ? AND status = ?";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, StoredRecording.Status.DELETED.name());
            Sql.instant(statement, 2, at);
            statement.setString(3, recordingId);
            statement.setString(4, StoredRecording.Status.FINISHED.name());
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }
}
