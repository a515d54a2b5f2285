package org.hotline.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the pool to drop a connection whose database went away. HikariCP evicts on SQLSTATE class
 * 08 by itself; H2 reports a stopped server or a closed database with its own states, and such a
 * connection would otherwise go back to the pool and fail the next borrower too. Stateless.
 */
public final class StoreConnectionEviction implements SQLExceptionOverride {

    /** H2: connection broken, database closed, database already closed, object already closed. */
    private static final Set<String> H2_GONE = Set.of("90067", "90098", "90121", "90007");

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return e.getSQLState() != null && H2_GONE.contains(e.getSQLState())
                ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
