package org.hotline.sip;

import java.util.concurrent.CompletableFuture;
import org.hotline.call.Playback;
import org.hotline.media.MediaSession;

/**
 * A playback started on a media session without waiting for it (music on hold, rule R7). The
 * session's future completes when it ends, is stopped or is replaced by another play; stopping a
 * finished playback does nothing, so it cannot cut a newer one short. Any thread.
 */
record SessionPlayback(MediaSession session, CompletableFuture<Void> done) implements Playback {

    static SessionPlayback finished(MediaSession session) {
        return new SessionPlayback(session, CompletableFuture.completedFuture(null));
    }

    @Override
    public void stop() {
        if (!done.isDone()) {
            session.stopPlayback();
        }
    }

    @Override
    public boolean isDone() {
        return done.isDone();
    }
}
