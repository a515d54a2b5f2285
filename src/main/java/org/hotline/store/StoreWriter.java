package org.hotline.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.acd.CallbackEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one writer: a virtual thread ({@code store-writer}) that drains the inbox the
 * listeners fill without blocking, turns events into writes ({@link CallRecordAssembler}) and
 * applies each batch to the database in one transaction. While the database is away every batch
 * is appended to the {@link DiskSpool} instead (rule R20), and every {@code retryInterval} the
 * spool is replayed oldest first; new batches keep going to the spool until it is empty, so the
 * database sees every write in the order it happened. At the first contact it also closes the
 * calls an earlier run left open and reads the callbacks it left pending (rule R12).
 *
 * <p>Threading: {@link #offer} and {@link #flush} from any thread, never blocking; everything
 * else on the writer thread.
 */
final class StoreWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    static final int MAX_BATCH = 500;
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(15);
    private static final Object STOP = new Object();
    private static final String CLOSE_INTERRUPTED = "UPDATE call_record SET outcome = 'INTERRUPTED', end_reason = ?, "
            + "ended_at = last_event_at WHERE ended_at IS NULL AND run_id <> ?";

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final CallRecordAssembler assembler;
    private final StoreDatabase database;
    private final JdbcWrites writes;
    private final DiskSpool spool;
    private final String runId;
    private final long retryNanos;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean spooling = true; // until the first contact: migrate, replay, close the last run's calls
    private long nextAttempt = System.nanoTime();
    private boolean closedOut;
    private final CompletableFuture<List<CallbackEntry>> earlierCallbacks = new CompletableFuture<>();

    /** A marker: completes once everything queued before it is in the database or the spool. */
    private record Flush(CompletableFuture<Void> done) {}

    StoreWriter(Settings settings, CallRecordAssembler assembler, JdbcWrites writes, DiskSpool spool) {
        this.assembler = assembler;
        this.database = settings.database();
        this.writes = writes;
        this.spool = spool;
        this.runId = settings.runId();
        this.retryNanos = settings.retryInterval().toNanos();
        this.thread = Thread.ofVirtual().name("store-writer").unstarted(this::run);
    }

    /** What the writer needs besides its parts. */
    record Settings(StoreDatabase database, String runId, Duration retryInterval) {}

    void start() {
        thread.start();
    }

    /** Queues an event, a recording notice or a write; returns at once. */
    void offer(Object item) {
        inbox.add(item);
    }

    /** Completes once everything offered before is in the database or, while it is away, in the spool. */
    CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        inbox.add(new Flush(done));
        return done;
    }

    /** True while writes go to the spool. */
    boolean spooling() {
        return spooling;
    }

    long writtenCount() {
        return written.get();
    }

    long spooledCount() {
        return spooled.get();
    }

    long rejectedCount() {
        return rejected.get();
    }

    /** Read-only look at the spool's segments; the writer may change them meanwhile. */
    List<Path> spoolSegments() {
        return spool.segments();
    }

    private void run() {
        boolean stop = false;
        while (!stop) {
            try {
                stop = step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("store writer interrupted; writes still queued are lost");
                return;
            } catch (RuntimeException e) {
                log.atError().setCause(e).log("store writer step failed; carrying on");
            }
        }
    }

    /** One batch: take, assemble, persist, maybe replay; true after the stop marker. */
    private boolean step() throws InterruptedException {
        List<Object> items = new ArrayList<>();
        Object first = spooling ? inbox.poll(Math.max(0, nextAttempt - System.nanoTime()), TimeUnit.NANOSECONDS) : inbox.take();
        if (first != null) {
            items.add(first);
            inbox.drainTo(items, MAX_BATCH - 1);
        }
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        boolean stop = false;
        for (Object item : items) {
            switch (item) {
                case Flush flush -> flushes.add(flush.done());
                case Object marker when marker == STOP -> stop = true;
                default -> accept(item);
            }
        }
        persist(assembler.drain());
        if (spooling && (stop || System.nanoTime() - nextAttempt >= 0)) {
            replay();
        }
        flushes.forEach(done -> done.complete(null));
        return stop;
    }

    private void accept(Object item) {
        try {
            assembler.accept(item);
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("cannot turn {} into store writes; it is dropped", item);
        }
    }

    private void persist(List<StoreWrite> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        if (!spooling) {
            int done = writeCarefully(batch);
            if (done == batch.size()) {
                return;
            }
            batch = batch.subList(done, batch.size());
            spooling = true;
            nextAttempt = System.nanoTime() + retryNanos;
        }
        toSpool(batch);
    }

    /**
     * Writes the batch; returns how many writes are done (all of them, or the index from which the
     * database was away). A write the database refuses for its data is set aside in the spool's
     * rejected file.
     */
    private int writeCarefully(List<StoreWrite> batch) {
        try {
            write(batch);
            return batch.size();
        } catch (RuntimeException | SQLException e) {
            if (!SqlFailures.isDataError(e)) {
                if (!spooling) {
                    log.atWarn().addKeyValue("spool", spool.directory()).log("the database is away ({}); writes go to"
                            + " the spool until it is back (rule R20)", e.getMessage());
                }
                return 0;
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                write(List.of(batch.get(i)));
            } catch (RuntimeException | SQLException e) {
                if (!SqlFailures.isDataError(e)) {
                    return i;
                }
                reject(batch.get(i), e);
            }
        }
        return batch.size();
    }

    private void write(List<StoreWrite> batch) throws SQLException {
        try (Connection connection = database.connection()) {
            writes.apply(connection, batch);
        }
        written.addAndGet(batch.size());
    }

    private void reject(StoreWrite write, Exception cause) {
        rejected.incrementAndGet();
        log.atError().addKeyValue("callId", write.callId()).setCause(cause)
                .log("the database refuses this write for its data; kept in {}/rejected.jsonl", spool.directory());
        try {
            spool.reject(write);
        } catch (IOException e) {
            log.atError().addKeyValue("callId", write.callId()).setCause(e).log("cannot keep the refused write {}", write);
        }
    }

    /** Appends to the spool; a failing disk is retried until it takes the batch (nothing is dropped). */
    private void toSpool(List<StoreWrite> batch) throws InterruptedException {
        while (true) {
            try {
                spool.append(batch);
                spooled.addAndGet(batch.size());
                return;
            } catch (IOException e) {
                log.atError().addKeyValue("spool", spool.directory()).setCause(e)
                        .log("cannot append {} writes to the spool; retrying", batch.size());
                TimeUnit.NANOSECONDS.sleep(retryNanos);
            }
        }
    }

    /** Replays the spool oldest first; on success writes go to the database again. */
    private void replay() {
        nextAttempt = System.nanoTime() + retryNanos;
        try {
            database.migrate();
            spool.seal();
            long replayed = 0;
            for (Path segment : spool.segments()) {
                replayed += replaySegment(segment);
            }
            closeInterruptedCalls();
            readEarlierCallbacks();
            spooling = false;
            if (replayed > 0) {
                log.atInfo().addKeyValue("writes", replayed).log("the database is back; the spool is replayed");
            }
        } catch (StoreUnavailableException | SpoolReplayStopped e) {
            log.atDebug().log("the database is still away: {}", e.getMessage());
        } catch (IOException e) {
            log.atError().addKeyValue("spool", spool.directory()).setCause(e).log("cannot read the spool; will retry");
        }
    }

    private long replaySegment(Path segment) throws IOException {
        List<StoreWrite> lines;
        try {
            lines = spool.read(segment);
        } catch (DiskSpool.SpoolCorruptException e) {
            log.atError().setCause(e).log("spool segment unreadable");
            spool.setAside(segment);
            return 0;
        }
        for (int from = 0; from < lines.size(); from += MAX_BATCH) {
            List<StoreWrite> chunk = lines.subList(from, Math.min(lines.size(), from + MAX_BATCH));
            if (writeCarefully(chunk) < chunk.size()) {
                throw new SpoolReplayStopped(segment);
            }
        }
        spool.delete(segment);
        return lines.size();
    }

    /** Once per run: calls an earlier run left open ended when that server stopped (kill, crash). */
    private void closeInterruptedCalls() {
        if (closedOut) {
            return;
        }
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(CLOSE_INTERRUPTED)) {
            statement.setString(1, CallRecord.SERVER_STOPPED);
            statement.setString(2, runId);
            int closed = statement.executeUpdate();
            closedOut = true;
            if (closed > 0) {
                log.atWarn().addKeyValue("calls", closed).log("closed the records of calls an earlier run left open"
                        + " (the server stopped during them)");
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot close the records an earlier run left open: " + e.getMessage(), e);
        }
    }

    /**
     * Rule R12: the callbacks an earlier run left pending, read once at the first contact with the
     * database, after the spool's replay (so the spooled changes are in); never completes while the
     * database stays away.
     */
    CompletableFuture<List<CallbackEntry>> earlierCallbacks() {
        return earlierCallbacks;
    }

    private void readEarlierCallbacks() {
        if (earlierCallbacks.isDone()) {
            return;
        }
        try (Connection connection = database.connection()) {
            earlierCallbacks.complete(JdbcCallbackStore.pendingOfEarlierRuns(connection, runId));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the callbacks an earlier run left pending: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        earlierCallbacks.completeExceptionally(new StoreUnavailableException(
                "the store closed before the database was reachable; pending callbacks stay in it", null));
        inbox.add(STOP);
        try {
            thread.join(CLOSE_BOUND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.atWarn().addKeyValue("queued", inbox.size()).log("the store writer did not finish within {}", CLOSE_BOUND);
            thread.interrupt();
        }
        try {
            spool.close();
        } catch (IOException e) {
            log.atWarn().setCause(e).log("cannot close the spool segment");
        }
    }

    /** The database went away again in the middle of a replay. */
    private static final class SpoolReplayStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SpoolReplayStopped(Path segment) {
            super("the database went away while replaying " + segment);
        }
    }
}
