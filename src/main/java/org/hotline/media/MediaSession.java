package org.hotline.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One call's RTP endpoint: a local port pair, an outgoing 20 ms media clock and the inbound DTMF
 * detector. Implemented on Netty by {@link org.hotline.media.rtp.RtpSession}.
 *
 * <p>Threading: methods may be called from any thread and never block; the digit listener and the
 * futures complete on the session's event loop, so their callbacks must not block either.
 */
public interface MediaSession extends AutoCloseable {

    /** The even local RTP port (RTCP is the next one). */
    int localPort();

    /** Starts or re-targets sending (SDP answer sent, or re-INVITE changed address or codec). */
    void connect(RemoteMedia remote);

    /** False while the peer holds the call (its SDP says sendonly/inactive): no packets are sent. */
    void setSending(boolean sending);

    /**
     * Replaces whatever is playing with these clips, played back to back at exact 20 ms pacing.
     * The future completes when the last frame was sent, or when {@link #stopPlayback} or
     * {@link #close} cut it short. Between plays the session keeps its clock and sends silence,
     * so timestamps stay continuous.
     */
    CompletableFuture<Void> play(List<AudioClip> clips);

    /**
     * Like {@link #play(List)}; with {@code loop} the clips start over until {@link #stopPlayback}
     * (music on hold, rule R7).
     *
     * <p>Temporary default on branch {@code b2bua} so the SIP front compiles before the media branch
     * lands its implementation: it plays once and ignores {@code loop}.
     */
    default CompletableFuture<Void> play(List<AudioClip> clips, boolean loop) {
        return play(clips);
    }

    /**
     * Sends to this session's peer what {@code source} receives (audio and RFC 4733 events) instead
     * of this session's own playback; {@code null} stops relaying.
     *
     * <p>Temporary default on branch {@code b2bua} until the media branch lands its implementation:
     * stopping is a no-op and starting is unsupported.
     */
    default void relayFrom(MediaSession source) {
        if (source != null) {
            throw new UnsupportedOperationException("RTP relay not implemented on this branch yet");
        }
    }

    void stopPlayback();

    /** Receives each RFC 4733 key press exactly once ('0'-'9', '*', '#', 'A'-'D'). Set before connect. */
    void setDigitListener(Consumer<Character> listener);

    /** Stops the clock, closes the channels and returns the ports. Idempotent. */
    @Override
    void close();
}
