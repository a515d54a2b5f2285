package org.hotline.media.rtp;

/**
 * Told the final {@link RtpStatistics} of each session when it closes (issue 5's metrics aggregate
 * them). Called on the session's event loop, or on the closing thread during the engine's shutdown:
 * implementations must be thread-safe, fast, must not block and must not throw.
 */
@FunctionalInterface
public interface RtpSessionListener {

    void sessionClosed(RtpStatistics statistics);

    RtpSessionListener NONE = statistics -> { };
}
