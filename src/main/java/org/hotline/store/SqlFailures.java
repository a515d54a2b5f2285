package org.hotline.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that is away (connection refused or broken, shut down, timed out: spool and
 * retry later) from a write it refuses for its data (SQLSTATE classes 22 and 23: set that write
 * aside, or it would block the spool forever). Anything unknown counts as away: retrying loses
 * nothing.
 */
final class SqlFailures {

    /** H2's own states for a broken or closed connection and a closed database. */
    private static final java.util.Set<String> H2_CONNECTION_STATES = java.util.Set.of("90067", "90098", "90121", "90007");

    private SqlFailures() {
    }

    static boolean isDataError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && !isConnectionProblem(sql)) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For reads: the database is away (503 to an API client), as opposed to a failing query (a bug). */
    static RuntimeException forRead(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (isConnectionProblem(sql) || state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                        || H2_CONNECTION_STATES.contains(state)) {
                    return new StoreUnavailableException("the database is unreachable: " + e.getMessage(), e);
                }
            }
        }
        return new IllegalStateException("store query failed: " + e.getMessage(), e);
    }

    private static boolean isConnectionProblem(SQLException e) {
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || e instanceof SQLTimeoutException;
    }
}
