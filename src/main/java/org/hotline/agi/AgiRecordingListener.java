package org.hotline.agi;

import java.time.Instant;
import java.util.Objects;

/**
 * Learns of the recordings Asterisk makes of AGI calls (rule R14: {@code MixMonitor} on the caller's
 * channel while bridged with the agent, both legs mixed). The store registers them like the
 * standalone front's: {@link AsteriskRecordings} maps this contract of the AGI front's own to the
 * recorder's {@code org.hotline.recording.RecordingListener}. Called on the call's threads; must
 * not block and must not throw.
 */
public interface AgiRecordingListener {

    void recordingStarted(Recording recording);

    /** The file is final: MixMonitor was stopped, or the caller's channel hung up. */
    void recordingFinished(Recording recording);

    AgiRecordingListener NONE = new AgiRecordingListener() {
        @Override
        public void recordingStarted(Recording recording) {
        }

        @Override
        public void recordingFinished(Recording recording) {
        }
    };

    /**
     * One call's recording with one agent.
     *
     * @param file  the file as Asterisk wrote it ({@code agi.recordingDirectory/<callId>-<agent>.wav})
     * @param ended null while recording
     */
    record Recording(String callId, String agent, String queue, String file, Instant started, Instant ended) {
        public Recording {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(started, "started");
        }

        Recording finished(Instant at) {
            return new Recording(callId, agent, queue, file, started, at);
        }
    }
}
