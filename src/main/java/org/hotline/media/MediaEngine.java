package org.hotline.media;

/** Hands out {@link MediaSession}s, each with its own port pair from the configured range. */
public interface MediaEngine extends AutoCloseable {

    /**
     * @throws PortsExhaustedException when every port pair of the range is in use
     */
    MediaSession open(String callId);

    /**
     * Like {@link #open(String)}, placed where relaying to and from {@code near} costs least (the
     * B2BUA opens the agent's leg near the caller's: on Netty, the same event loop, so a relayed
     * packet is sent in the same pass that read it, without a hop between threads). A hint: an
     * implementation that cannot place sessions, or a {@code near} it does not know, opens anywhere.
     *
     * @throws PortsExhaustedException when every port pair of the range is in use
     */
    default MediaSession open(String callId, MediaSession near) {
        return open(callId);
    }

    /** Port pairs currently in use (tests check that hang-ups return them). */
    int sessionsInUse();

    @Override
    void close();
}
