package org.hotline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hotline.config.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the store: a HikariCP pool on {@code store.jdbcUrl} (H2 file or PostgreSQL)
 * and the Flyway migrations in {@code db/migration}, the same SQL for both. The pool is created
 * even while the database is away (rule R20: the server starts and spools); migrations run on the
 * first connection that works. Thread-safe.
 */
public final class StoreDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreDatabase.class);

    private final HikariDataSource pool;
    private final AtomicBoolean migrated = new AtomicBoolean();
    private final ReentrantLock migrating = new ReentrantLock();

    public StoreDatabase(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("store");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.resolvedPassword());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(1, config.poolSize()));
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(config.connectionTimeout().toMillis(), 1000));
        hikari.setInitializationFailTimeout(-1); // start without the database; writes spool until it comes
        hikari.setAutoCommit(true);
        hikari.setExceptionOverrideClassName(StoreConnectionEviction.class.getName());
        if (config.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // a dead server must fail a statement in bounded time, not hang the writer
            hikari.addDataSourceProperty("socketTimeout", Long.toString(Math.max(5, config.connectionTimeout().toSeconds() * 5)));
            hikari.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
        }
        this.pool = new HikariDataSource(hikari);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A connection with the schema up to date; throws {@link StoreUnavailableException} while the database is away. */
    public Connection connection() {
        migrate();
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreUnavailableException("the database is unreachable: " + e.getMessage(), e);
        }
    }

    /** Brings the schema up to date once per run. */
    public void migrate() {
        if (migrated.get()) {
            return;
        }
        migrating.lock();
        try {
            if (migrated.get()) {
                return;
            }
            try {
                var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
                log.atInfo().addKeyValue("schemaVersion", result.targetSchemaVersion)
                        .addKeyValue("applied", result.migrationsExecuted).log("store schema up to date");
                migrated.set(true);
            } catch (FlywayException e) {
                throw new StoreUnavailableException("cannot bring the schema up to date: " + e.getMessage(), e);
            }
        } finally {
            migrating.unlock();
        }
    }

    public boolean isMigrated() {
        return migrated.get();
    }

    @Override
    public void close() {
        pool.close();
    }
}
