package org.hotline.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.hotline.config.RecordingRetention;
import org.hotline.recording.Recordings;
import org.hotline.store.JdbcRetentionStore;
import org.hotline.store.RecordKeeper;
import org.hotline.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retention pass (rule R15): deletes the WAV and sidecar of every finished recording older than
 * {@code recording.retention}, except complaints', those under QA review and those the
 * {@link RetentionHold} keeps (a message not yet handled), marks its row
 * {@code DELETED} and writes an audit line. Files go first and the row after, so a pass cut short
 * leaves a row the next pass marks (its file already missing). Nothing is deleted while the
 * database is away: complaints cannot be checked then. A file that cannot be deleted is logged and
 * tried again by the next pass. Run from the retention job's thread (or a test's).
 */
public final class RetentionPass {

    /** The audit log's user for deletions no person made. */
    public static final String AUDIT_USER = "system:retention";
    public static final String AUDIT_ACTION = "delete-recording";
    /** Audit status of a deletion: the file was there and is gone now. */
    public static final int DELETED = 200;
    /** Audit status of a deletion whose file was already missing (an earlier pass cut short, or removed by hand). */
    public static final int FILE_ALREADY_MISSING = 404;

    private static final Logger log = LoggerFactory.getLogger(RetentionPass.class);

    private final JdbcRetentionStore store;
    private final QaReview review;
    private final RecordKeeper audit;
    private final RecordingRetention retention;
    private final Clock clock;
    private final RetentionHold hold;

    public RetentionPass(JdbcRetentionStore store, QaReview review, RecordKeeper audit, RecordingRetention retention,
            Clock clock) {
        this(store, review, audit, retention, clock, RetentionHold.NONE);
    }

    /** @param hold recordings kept whatever their age (messages not yet handled), told of each deletion */
    public RetentionPass(JdbcRetentionStore store, QaReview review, RecordKeeper audit, RecordingRetention retention,
            Clock clock, RetentionHold hold) {
        this.hold = hold;
        this.store = store;
        this.review = review;
        this.audit = audit;
        this.retention = retention;
        this.clock = clock;
    }

    /** How a pass ended. */
    public enum Outcome { DONE, KEEP_FOREVER, DATABASE_AWAY, STOPPED }

    /**
     * What a pass did: recordings deleted, kept under review, deletions that failed (retried next
     * pass), and recordings kept by the {@link RetentionHold} (messages not yet handled).
     */
    public record Report(Outcome outcome, int deleted, int keptUnderReview, int failed, int held) {

        /** A report of a pass that held nothing back for the {@link RetentionHold}. */
        public Report(Outcome outcome, int deleted, int keptUnderReview, int failed) {
            this(outcome, deleted, keptUnderReview, failed, 0);
        }

        static Report of(Outcome outcome) {
            return new Report(outcome, 0, 0, 0);
        }
    }

    public Report run() {
        return run(() -> false);
    }

    /** @param stopping checked between recordings: true ends the pass early (the server is closing) */
    public Report run(BooleanSupplier stopping) {
        if (retention.forever()) {
            return Report.of(Outcome.KEEP_FOREVER);
        }
        Instant now = clock.instant();
        List<JdbcRetentionStore.Expired> expired;
        Set<String> underReview;
        try {
            expired = store.expired(now.minus(retention.period()));
            underReview = expired.isEmpty() ? Set.of() : review.callIds();
        } catch (StoreUnavailableException e) {
            log.atWarn().setCause(e).log("retention skipped: the database is away, so complaints cannot be checked (rule R15);"
                    + " nothing deleted, the next pass tries again");
            return Report.of(Outcome.DATABASE_AWAY);
        }
        return delete(expired, underReview, now, stopping);
    }

    private Report delete(List<JdbcRetentionStore.Expired> expired, Set<String> underReview, Instant now,
            BooleanSupplier stopping) {
        int deleted = 0;
        int kept = 0;
        int failed = 0;
        int held = 0;
        Set<String> holding = expired.isEmpty() ? Set.of() : hold.heldRecordings();
        for (JdbcRetentionStore.Expired recording : expired) {
            if (stopping.getAsBoolean()) {
                return new Report(Outcome.STOPPED, deleted, kept, failed, held);
            }
            if (underReview.contains(recording.callId())) {
                kept++;
                continue;
            }
            if (holding.contains(recording.recordingId())) {
                held++; // a message not yet handled: what the caller said is kept (rule R20)
                continue;
            }
            try {
                if (delete(recording, now)) {
                    deleted++;
                }
            } catch (IOException | SecurityException e) {
                failed++;
                log.atError().addKeyValue("callId", recording.callId()).addKeyValue("recordingId", recording.recordingId())
                        .setCause(e).log("cannot delete an expired recording; the next pass tries again");
            } catch (StoreUnavailableException e) {
                log.atWarn().addKeyValue("callId", recording.callId()).addKeyValue("recordingId", recording.recordingId())
                        .setCause(e).log("retention stopped: the database went away; the next pass goes on");
                return new Report(Outcome.DATABASE_AWAY, deleted, kept, failed, held);
            }
        }
        log.atInfo().addKeyValue("deleted", deleted).addKeyValue("keptUnderReview", kept).addKeyValue("failed", failed)
                .addKeyValue("held", held).addKeyValue("retention", retention).log("retention pass done");
        return new Report(Outcome.DONE, deleted, kept, failed, held);
    }

    /** A holder's failure to take the news is logged; the deletion stands (the audio answers 410 anyway). */
    private void tellDeleted(JdbcRetentionStore.Expired recording, Instant now) {
        try {
            hold.deleted(recording.recordingId(), now);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", recording.callId()).addKeyValue("recordingId", recording.recordingId())
                    .setCause(e).log("cannot mark a deleted recording's message as without audio");
        }
    }

    /** False when a complaint was flagged (or the row changed) since the pass began. */
    private boolean delete(JdbcRetentionStore.Expired recording, Instant now) throws IOException {
        if (!store.stillExpired(recording.recordingId())) {
            return false;
        }
        Path wav = Path.of(recording.file());
        boolean present = Files.deleteIfExists(wav);
        Files.deleteIfExists(Recordings.sidecarOf(wav)); // after the WAV: a FINISHED sidecar alone is never repaired
        store.markDeleted(recording.recordingId(), now);
        tellDeleted(recording, now);
        int status = present ? DELETED : FILE_ALREADY_MISSING;
        audit.audit(AUDIT_USER, AUDIT_ACTION, "recording " + recording.recordingId() + " of call " + recording.callId(),
                status, null);
        log.atInfo().addKeyValue("callId", recording.callId()).addKeyValue("recordingId", recording.recordingId())
                .addKeyValue("started", recording.started()).addKeyValue("fileWasPresent", present)
                .log("expired recording deleted (rule R15)");
        return true;
    }
}
