package org.hotline.store;

import java.time.Clock;
import java.util.UUID;
import org.hotline.acd.AcdEvent;
import org.hotline.acd.AcdEventListener;
import org.hotline.acd.CallbackEntry;
import org.hotline.acd.CallbackLedger;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;
import org.hotline.recording.RecordingInfo;
import org.hotline.recording.RecordingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's ears: a call-event listener, an ACD-event listener and the recorder's listener in
 * one. Each callback only puts the event on the writer's queue and returns, so the caller's
 * thread, the SIP stack and the {@code acd} thread never wait for the database (issue 4). Also
 * takes audit lines (rule R15) and keeps the ACD's queued callbacks (rule R12, the engine's
 * {@link CallbackLedger}), written in the same order as everything else. Any thread.
 */
public final class RecordKeeper implements CallEventListener, AcdEventListener, RecordingListener, CallbackLedger {

    private static final Logger log = LoggerFactory.getLogger(RecordKeeper.class);
    private static final Logger audit = LoggerFactory.getLogger("org.hotline.audit");

    private final StoreWriter writer;
    private final Clock clock;

    RecordKeeper(StoreWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void onEvent(CallEvent event) {
        writer.offer(event);
    }

    @Override
    public void onEvent(AcdEvent event) {
        writer.offer(event);
    }

    /** Rule R12: a queued callback's change, written (or spooled) like every other write. */
    @Override
    public void save(CallbackEntry entry) {
        writer.offer(entry);
    }

    @Override
    public void recordingStarted(RecordingInfo info) {
        writer.offer(new RecordingNotice(info, StoredRecording.Status.RECORDING));
    }

    @Override
    public void recordingFinished(RecordingInfo info) {
        writer.offer(new RecordingNotice(info, StoredRecording.Status.FINISHED));
    }

    @Override
    public void recordingFailed(String callId, Throwable cause) {
        log.atError().addKeyValue("callId", callId).setCause(cause).log("the call's recording failed (rule R14)");
    }

    /**
     * Writes one audit line: to the {@code org.hotline.audit} log at once, and to the store's
     * {@code audit_log} table through the writer (spooled like the rest while the database is away).
     *
     * @param user   the authenticated user, or null when no valid credential was given
     * @param action e.g. {@code listen}, {@code download}, {@code score}, {@code denied}
     */
    public void audit(String user, String action, String target, int status, String remote) {
        audit.atInfo().addKeyValue("user", user).addKeyValue("action", action).addKeyValue("target", target)
                .addKeyValue("status", status).addKeyValue("remote", remote).log("audit");
        writer.offer(new StoreWrite.AppendAudit(new AuditEntry(UUID.randomUUID().toString(), clock.instant(), user, action,
                target, status, remote)));
    }
}
