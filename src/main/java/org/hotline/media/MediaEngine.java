package org.hotline.media;

/** Hands out {@link MediaSession}s, each with its own port pair from the configured range. */
public interface MediaEngine extends AutoCloseable {

    /**
     * @throws PortsExhaustedException when every port pair of the range is in use
     */
    MediaSession open(String callId);

    /** Port pairs currently in use (tests check that hang-ups return them). */
    int sessionsInUse();

    @Override
    void close();
}
