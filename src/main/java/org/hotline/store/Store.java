package org.hotline.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hotline.acd.CallbackEntry;
import org.hotline.config.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as the composition root sees it: the database (H2 or PostgreSQL, migrated by Flyway),
 * the one writer thread with its disk spool (rule R20), the {@link RecordKeeper} the listeners
 * are wired to, and the read side for the HTTP API. Opening never fails because the database is
 * away: writes spool until it returns. Open and close from the composition root's thread.
 */
public final class Store implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    private final StoreDatabase database;
    private final StoreWriter writer;
    private final RecordKeeper keeper;
    private final JdbcCallRecordStore calls;
    private final JdbcQaStore qa;
    private final JdbcRetentionStore retention;
    private final JdbcCallbackStore callbacks;
    private final String runId;

    private Store(StoreDatabase database, StoreWriter writer, RecordKeeper keeper, ObjectMapper json, String runId) {
        this.database = database;
        this.writer = writer;
        this.keeper = keeper;
        this.calls = new JdbcCallRecordStore(database, json);
        this.qa = new JdbcQaStore(database);
        this.retention = new JdbcRetentionStore(database);
        this.callbacks = new JdbcCallbackStore(database);
        this.runId = runId;
    }

    /** Opens the pool and the spool and starts the writer; the schema is migrated on first contact. */
    public static Store open(StoreConfig config, Clock clock) {
        ObjectMapper json = StoreJson.mapper();
        DiskSpool spool = new DiskSpool(config.spoolDirectory(), json);
        StoreDatabase database = new StoreDatabase(config);
        String runId = UUID.randomUUID().toString();
        StoreWriter writer = new StoreWriter(new StoreWriter.Settings(database, runId, config.retryInterval()),
                new CallRecordAssembler(runId, new EventLogEntries(json)), new JdbcWrites(json), spool);
        writer.start();
        log.atInfo().addKeyValue("jdbcUrl", config.jdbcUrl()).addKeyValue("spool", config.spoolDirectory())
                .addKeyValue("runId", runId).log("store opened");
        return new Store(database, writer, new RecordKeeper(writer, clock), json, runId);
    }

    /** The listener to wire to call events, ACD events and the recorder. */
    public RecordKeeper keeper() {
        return keeper;
    }

    public JdbcCallRecordStore calls() {
        return calls;
    }

    public JdbcQaStore qa() {
        return qa;
    }

    /** What the daily retention job reads and marks (rule R15). */
    public JdbcRetentionStore retention() {
        return retention;
    }

    /** The queued callbacks (rule R12) as kept: the pending ones for the HTTP API. */
    public JdbcCallbackStore callbacks() {
        return callbacks;
    }

    /**
     * Rule R12: the callbacks an earlier run (a restart, a crash) left pending, in turn. Completes
     * at the writer's first contact with the database, after the spool is replayed: at once when
     * the database is up at start, later if it is away (the callbacks are then restored when it
     * returns), on the writer's thread; never if it stays away. What is to be restored is read from
     * the database only: the spool holds changes, not the whole list.
     */
    public CompletableFuture<List<CallbackEntry>> pendingCallbacks() {
        return writer.earlierCallbacks();
    }

    /** Completes once everything reported so far is in the database, or in the spool while it is away. */
    public CompletableFuture<Void> flush() {
        return writer.flush();
    }

    /** True while the database is away and writes go to the spool. */
    public boolean spooling() {
        return writer.spooling();
    }

    public long writtenCount() {
        return writer.writtenCount();
    }

    public long spooledCount() {
        return writer.spooledCount();
    }

    public long rejectedCount() {
        return writer.rejectedCount();
    }

    /** The spool segments not yet replayed (for tests and the operator's eye). */
    public java.util.List<java.nio.file.Path> spooledSegments() {
        return writer.spoolSegments();
    }

    public String runId() {
        return runId;
    }

    /** Drains the writer (to the database, or the spool), then closes the pool. */
    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            database.close();
        }
    }
}
