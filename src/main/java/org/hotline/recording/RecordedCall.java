package org.hotline.recording;

import org.hotline.media.MediaSession;

/**
 * What {@link Recordings} knows of one bridged call: its caller's media session, the current
 * agent's, whether the queue's policy said to record it, and the running recording.
 *
 * <p>Threading: guarded by the lock of {@link Recordings}.
 */
final class RecordedCall {

    /** The policy is applied at the call's first connect, once. */
    enum Decision { UNDECIDED, NOT_RECORDED, RECORDED }

    MediaSession caller;
    MediaSession agent;
    Decision decision = Decision.UNDECIDED;
    RecordingSession session;
}
