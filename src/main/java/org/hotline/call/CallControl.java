package org.hotline.call;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.hotline.media.rtp.RtpPacket;

/**
 * The small set of operations a call flow needs from the front a call arrived on. The standalone
 * SIP/RTP front ({@code org.hotline.sip.SipCall}) and the FastAGI front implement it, so the flow
 * never knows which front a call came from.
 *
 * <p>Threading: one call's flow calls these methods sequentially from that call's virtual thread;
 * every method may block. Once the remote party has hung up, every blocking method throws
 * {@link CallHungUpException} so the flow unwinds.
 */
public interface CallControl {

    CallInfo info();

    /** Answers the call (standalone: 180 then, after the configured ring delay, 200 OK; rule R1). */
    void answer();

    /**
     * Plays the announcement's prompts in order. With {@link Announcement#bargeIn()} a key press
     * stops playback early; the digit stays buffered for {@link #awaitDigit}. Returns when the
     * playback finished or was interrupted.
     */
    PlaybackResult play(Announcement announcement);

    /** Waits up to {@code timeout} for the next buffered or arriving DTMF digit ('0'-'9', '*', '#'). */
    Optional<Character> awaitDigit(Duration timeout);

    /** Drops digits pressed before now (e.g. typed ahead during a prompt that is not barge-in). */
    void clearDigits();

    /** Hands the caller to the ACD queue and returns once the caller left it (served, failed, hung up). */
    QueueOutcome handToQueue(QueueRequest request);

    /** Blind-transfers the caller to another SIP URI (after-hours on-call line, rule R19). */
    TransferOutcome transfer(String targetUri);

    /** Ends the call from our side. Idempotent; never throws {@link CallHungUpException}. */
    void hangup(EndReason reason);

    // --- what the ACD needs (issue 3): music while waiting, hang-up notice, agent legs ---

    /**
     * Starts playing without blocking (music on hold while queued or held, rule R7), looped until
     * stopped when {@code loop}. Replaces whatever plays.
     */
    Playback startPlayback(Announcement announcement, boolean loop);

    /** Runs {@code action} once when the remote party hangs up (at once if it already has). Must not block. */
    void whenHungUp(Runnable action);

    /** Rings an agent's phone for this caller; never blocks; the outcome goes to the listener. */
    AgentOffer offerAgent(String workNumber, AgentOfferListener listener);

    // --- what a message needs (issue 8) ---

    /**
     * Hands every audio packet the caller sends (RTP of the negotiated codec, as it arrives) to
     * {@code tap} on the media thread, which must not block, until the returned tap is closed: how
     * a caller's message is recorded (rules R9, R19, R20). Other listeners of the caller's audio
     * (the call's recording, rule R14) keep theirs.
     *
     * @throws UnsupportedOperationException on a front that cannot hand out the caller's audio
     */
    default AudioTap tapCallerAudio(Consumer<RtpPacket> tap) {
        throw new UnsupportedOperationException("this front cannot record a caller's audio");
    }

    /**
     * Whether this front's own media server records a caller's message ({@link #recordMessage})
     * instead of handing out the caller's audio ({@link #tapCallerAudio}): true behind Asterisk.
     */
    default boolean recordsMessagesItself() {
        return false;
    }

    /**
     * Records the caller's message into a file the front's media server writes (behind Asterisk,
     * {@code RECORD FILE}) until {@code #}, {@code silence} after the caller stopped speaking, or
     * {@code maxLength}; blocks that long (rules R9, R19, R20). A hang-up while recording returns
     * what was recorded (ended by {@link RecordedMessage#HANGUP}) rather than throwing: nothing a
     * caller said is lost.
     *
     * @param messageId names the file (safe in a file name)
     * @throws CallHungUpException if the caller had hung up before recording started
     * @throws UnsupportedOperationException unless {@link #recordsMessagesItself}
     */
    default RecordedMessage recordMessage(String messageId, Duration maxLength, Duration silence) {
        throw new UnsupportedOperationException("this front does not record messages itself");
    }
}
