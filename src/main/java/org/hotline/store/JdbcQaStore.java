package org.hotline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * QA's tables (rule R14): a completed week's drawn sample, kept so it never changes, and the
 * scores QA staff submit with who scored and when. Written directly from the API's threads (QA is
 * not on the call path); a database that is away throws {@link StoreUnavailableException}.
 * Thread-safe.
 */
public final class JdbcQaStore {

    private final StoreDatabase database;

    JdbcQaStore(StoreDatabase database) {
        this.database = database;
    }

    /** One sampled call of a stored week. */
    public record SampleRow(String agent, String callId) {}

    /** A submitted score; {@code ratings} criterion id → 0-5, {@code total} of 100. */
    public record Score(long id, String callId, String recordingId, String scoredBy, Instant scoredAt, BigDecimal total,
            String ratings, String remarks) {}

    /** The week's stored sample; empty if none was stored. */
    public List<SampleRow> storedSample(String week) {
        String sql = "SELECT agent, call_id FROM qa_sample WHERE week = ? ORDER BY agent, call_id";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, week);
            List<SampleRow> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new SampleRow(row.getString("agent"), row.getString("call_id")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    /** Keeps a completed week's sample; a week already stored keeps its first sample. */
    public void storeSample(String week, Map<String, List<String>> callsByAgent, Instant drawnAt) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                if (!weekStored(connection, week)) {
                    insertSample(connection, week, callsByAgent, drawnAt);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    private static boolean weekStored(Connection connection, String week) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM qa_sample WHERE week = ?")) {
            statement.setString(1, week);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getLong(1) > 0;
            }
        }
    }

    private static void insertSample(Connection connection, String week, Map<String, List<String>> callsByAgent,
            Instant drawnAt) throws SQLException {
        String sql = "INSERT INTO qa_sample (week, agent, call_id, drawn_at) VALUES (?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<String, List<String>> agent : callsByAgent.entrySet()) {
                for (String callId : agent.getValue()) {
                    statement.setString(1, week);
                    statement.setString(2, agent.getKey());
                    statement.setString(3, callId);
                    Sql.instant(statement, 4, drawnAt);
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    /** Stores a score and returns its id. */
    public long addScore(Score score) {
        String sql = "INSERT INTO qa_score (call_id, recording_id, scored_by, scored_at, total, ratings, remarks) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql, new String[] {"score_id"})) {
            statement.setString(1, score.callId());
            statement.setString(2, score.recordingId());
            statement.setString(3, score.scoredBy());
            Sql.instant(statement, 4, score.scoredAt());
            statement.setBigDecimal(5, score.total());
            statement.setString(6, score.ratings());
            statement.setString(7, score.remarks());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no score id returned");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

    /** The scores of a recording, oldest first. */
    public List<Score> scores(String recordingId) {
        String sql = "SELECT * FROM qa_score WHERE recording_id = ? ORDER BY score_id";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, recordingId);
            List<Score> scores = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    scores.add(new Score(row.getLong("score_id"), row.getString("call_id"), row.getString("recording_id"),
                            row.getString("scored_by"), Sql.instant(row, "scored_at"), row.getBigDecimal("total"),
                            row.getString("ratings"), row.getString("remarks")));
                }
            }
            return scores;
        } catch (SQLException e) {
            throw SqlFailures.forRead(e);
        }
    }

}
