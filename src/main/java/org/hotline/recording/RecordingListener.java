package org.hotline.recording;

/**
 * What the recorder tells the rest of the server: a recording began, finished (its file is final
 * and hashed), or failed. Called on the recorder's own threads; implementations must be fast,
 * must not block and must not throw.
 */
public interface RecordingListener {

    void recordingStarted(RecordingInfo info);

    void recordingFinished(RecordingInfo info);

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
