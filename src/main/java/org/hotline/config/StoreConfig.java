package org.hotline.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The store of call records, the event log, recordings' metadata and QA scores ({@code store:}).
 * The embedded H2 file is the default; production points {@code jdbcUrl} at PostgreSQL. When the
 * database is unreachable, writes go to the spool on disk and are replayed in order when it returns
 * (rule R20).
 *
 * @param jdbcUrl           {@code jdbc:h2:file:...} or {@code jdbc:postgresql://host:port/db}; default an H2 file under {@code data/}
 * @param user              database user; default {@code hotline}
 * @param password          database password, or {@code env:NAME} to read it from that environment variable; default empty
 * @param poolSize          connections in the pool (HikariCP), 1-64; default 4
 * @param spoolDirectory    where writes wait while the database is down; default {@code data/spool}
 * @param connectionTimeout longest wait for a connection before a write is spooled instead; default 2s
 * @param retryInterval     pause between attempts to reach the database while spooling; default 5s
 */
public record StoreConfig(String jdbcUrl, String user, String password, int poolSize, Path spoolDirectory,
        Duration connectionTimeout, Duration retryInterval) {

    /** The prefix of a password read from the environment: {@code env:HOTLINE_DB_PASSWORD}. */
    public static final String ENV_PREFIX = "env:";

    /** The password itself: the value, or the named environment variable's. */
    public String resolvedPassword() {
        if (password != null && password.startsWith(ENV_PREFIX)) {
            String value = System.getenv(password.substring(ENV_PREFIX.length()));
            return value == null ? "" : value;
        }
        return password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + ", spoolDirectory="
                + spoolDirectory + ", connectionTimeout=" + connectionTimeout + ", retryInterval=" + retryInterval + "]";
    }
}
