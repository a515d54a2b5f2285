package org.hotline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.recording.RecordingInfo;

/**
 * A recording as the store keeps it: the recorder's {@link RecordingInfo} and whether it is still
 * being written. {@code file} is server-side only; the HTTP API never shows it (rule R15).
 */
public record StoredRecording(String id, String callId, String file, Instant started, Instant ended, Duration length,
        String sha256, List<RecordingInfo.Segment> segments, String queue, String agent, boolean repairedAfterCrash,
        Status status) {

    public StoredRecording {
        segments = List.copyOf(segments);
    }

    /** Whether the file is final, or deleted by the retention job (rule R15; the row stays). */
    public enum Status { RECORDING, FINISHED, DELETED }

    static StoredRecording of(RecordingInfo info, Status status) {
        return new StoredRecording(info.id(), info.callId(), info.file().toString(), info.started(), info.ended(),
                info.length(), info.sha256(), info.segments(), info.queue(), info.agent(), info.repairedAfterCrash(), status);
    }
}
