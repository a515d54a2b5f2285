package org.hotline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hotline.acd.CallbackEntry;
import org.hotline.acd.CallbackStatus;

/**
 * Reads the queued callbacks (rule R12) the writer keeps in the {@code callback} table: the pending
 * ones in their order in line, for the HTTP API, and those an earlier run left pending, for the
 * restore at start-up. A database that is away throws {@link StoreUnavailableException}.
 * Thread-safe (the pool is).
 */
public final class JdbcCallbackStore {

    private static final String PENDING = "SELECT * FROM callback WHERE status = ? ";
    private static final String IN_TURN = " ORDER BY priority DESC, place_at, requested_at, callback_id";

    private final StoreDatabase database;

    JdbcCallbackStore(StoreDatabase database) {
        this.database = database;
    }

    /** Every pending callback, in turn (priority, then place in line): also those whose queue is gone. */
    public List<CallbackEntry> pending() {
        try (Connection connection = database.connection()) {
            return read(connection, PENDING + IN_TURN, null);
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    /** The pending callbacks a run other than {@code runId} wrote last, in turn; on the writer's connection. */
    static List<CallbackEntry> pendingOfEarlierRuns(Connection connection, String runId) throws SQLException {
        return read(connection, PENDING + "AND run_id <> ?" + IN_TURN, runId);
    }

    private static List<CallbackEntry> read(Connection connection, String sql, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, CallbackStatus.PENDING.name());
            if (runId != null) {
                statement.setString(2, runId);
            }
            List<CallbackEntry> entries = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.add(entry(row));
                }
            }
            return entries;
        }
    }

    private static CallbackEntry entry(ResultSet row) throws SQLException {
        return new CallbackEntry(row.getString("callback_id"), row.getString("requested_by"), row.getString("queue_name"),
                row.getString("phone_number"), row.getString("language"), row.getInt("priority"),
                Sql.instant(row, "place_at"), Sql.instant(row, "requested_at"), row.getInt("attempts"),
                Sql.instant(row, "next_attempt_at"), CallbackStatus.valueOf(row.getString("status")),
                row.getString("merged_into"), Sql.instant(row, "updated_at"));
    }
}
