package org.hotline.media;

/**
 * Told when the B2BUA bridges a caller's media session with an agent's, and when that agent's part
 * ends: the hook call recording (rule R14) taps both sides' received audio through. A call may be
 * bridged several times (after a transfer, with another agent's session); the caller's session
 * stays the same.
 *
 * <p>Threading: called on SIP stack threads or the caller's virtual thread; implementations must
 * be thread-safe, fast, must not block and must not throw.
 */
public interface BridgeListener {

    /** {@code agent} now exchanges audio with {@code caller}, the session of the caller's call {@code callId}. */
    void bridged(String callId, MediaSession caller, MediaSession agent);

    /** The agent's part of {@code callId} is over (hung up, transferred, or the caller left). */
    void unbridged(String callId, MediaSession agent);

    BridgeListener NONE = new BridgeListener() {
        @Override
        public void bridged(String callId, MediaSession caller, MediaSession agent) {
        }

        @Override
        public void unbridged(String callId, MediaSession agent) {
        }
    };
}
