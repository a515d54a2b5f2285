package org.hotline.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One call's RTP endpoint: a local port pair, an outgoing 20 ms media clock (or the relayed
 * stream of another session, for the B2BUA's bridge) and the inbound DTMF detector. Implemented
 * on Netty by {@link org.hotline.media.rtp.RtpSession}.
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
     * Replaces whatever is playing with these clips, played back to back at exact 20 ms pacing,
     * once or (with {@code loop}, for music on hold) over and over until {@link #stopPlayback},
     * another play, {@link #relayFrom} or {@link #close}. The future completes when the last frame
     * was sent (never, while looping) or when one of those cut the play short. Between plays the
     * session keeps its clock and sends silence, so timestamps stay continuous. A play while the
     * session relays another one's stream ends that relay first ({@code relayFrom(null)}): the
     * B2BUA's music on hold, announcements and survey replace the other party's audio.
     */
    CompletableFuture<Void> play(List<AudioClip> clips, boolean loop);

    /** Plays the clips once: {@code play(clips, false)}. */
    default CompletableFuture<Void> play(List<AudioClip> clips) {
        return play(clips, false);
    }

    void stopPlayback();

    /**
     * Sends the stream {@code source} receives from its peer (audio and RFC 4733 events, as they
     * arrive, no jitter buffer) in place of this session's own playout, restamped into this
     * session's stream and transcoded between PCMU and PCMA when the two peers negotiated
     * different codecs; {@code null} stops relaying and the session's own clock resumes (silence),
     * the timestamps continuing where the relayed stream left off. Starting a relay ends the
     * current play (its future completes); until the source's first packet arrives the session
     * keeps sending silence. A relay also ends when the source closes. For a two-way bridge call
     * it on both sessions. The source's digit listener still receives its peer's key presses.
     *
     * @param source another session of the same engine (or this one, to echo), or {@code null}
     * @throws IllegalArgumentException if {@code source} comes from another media implementation
     */
    void relayFrom(MediaSession source);

    /** Receives each RFC 4733 key press exactly once ('0'-'9', '*', '#', 'A'-'D'). Set before connect. */
    void setDigitListener(Consumer<Character> listener);

    /** Stops the clock, closes the channels and returns the ports. Idempotent. */
    @Override
    void close();
}
