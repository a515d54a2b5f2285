package org.hotline.recording;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a recording's news goes: one structured log line each (with the call id), then the
 * injected {@link RecordingListener}, whose exceptions are logged and go no further (a failing
 * store must not stop the recorder).
 *
 * <p>Threading: any thread; holds no mutable state.
 */
final class RecordingEvents implements RecordingListener {

    private static final Logger log = LoggerFactory.getLogger(RecordingEvents.class);

    private final RecordingListener listener;

    RecordingEvents(RecordingListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void recordingStarted(RecordingInfo info) {
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("recordingId", info.id())
                .addKeyValue("queue", info.queue()).addKeyValue("agent", info.agent()).log("recording started");
        guarded(info.callId(), () -> listener.recordingStarted(info));
    }

    @Override
    public void recordingFinished(RecordingInfo info) {
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("recordingId", info.id())
                .addKeyValue("lengthMs", info.length().toMillis()).addKeyValue("segments", info.segments().size())
                .addKeyValue("sha256", info.sha256()).addKeyValue("repairedAfterCrash", info.repairedAfterCrash())
                .log(info.repairedAfterCrash() ? "recording repaired after a crash" : "recording finished");
        guarded(info.callId(), () -> listener.recordingFinished(info));
    }

    @Override
    public void recordingFailed(String callId, Throwable cause) {
        log.atError().addKeyValue("callId", callId).setCause(cause).log("recording failed");
        guarded(callId, () -> listener.recordingFailed(callId, cause));
    }

    private static void guarded(String callId, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).setCause(e).log("recording listener failed");
        }
    }
}
