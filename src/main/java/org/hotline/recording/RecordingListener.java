package org.hotline.recording;

/**
 * The one hook for what happens to recordings (rule R14), with paired start and end callbacks: each
 * {@link #recordingStarted} is followed by exactly one {@link #recordingFinished} or
 * {@link #recordingFailed}, unless the server crashed, in which case the next start-up reports the
 * repaired file with {@link #recordingFinished} and {@code repairedAfterCrash} set (without a new
 * start). The store registers recordings through it; metrics count written and failed ones.
 *
 * <p>Threading: called on a recording's writer thread (a virtual thread) or, for repairs, on the
 * thread starting the server; implementations must be thread-safe and should not throw (what they
 * throw is logged and ignored).
 */
public interface RecordingListener {

    /** The WAV file exists with its header and the sidecar; {@code info} is not finished yet. */
    void recordingStarted(RecordingInfo info);

    /** The file is closed (or repaired), its sizes are right and {@code info.sha256()} is set. */
    void recordingFinished(RecordingInfo info);

    /** The recording of {@code callId} could not be written (disk full, unwritable directory ...). */
    void recordingFailed(String callId, Throwable cause);

    RecordingListener NONE = new RecordingListener() {
        @Override
        public void recordingStarted(RecordingInfo info) {
        }

        @Override
        public void recordingFinished(RecordingInfo info) {
        }

        @Override
        public void recordingFailed(String callId, Throwable cause) {
        }
    };
}
