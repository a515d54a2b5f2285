package org.hotline.call;

/** A playback started without waiting for it (music on hold, a whisper). Methods never block. */
public interface Playback {

    /** Stops the playback if it still runs. Idempotent. */
    void stop();

    boolean isDone();
}
