package org.hotline.sip;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.call.Announcement;
import org.hotline.call.CallHungUpException;
import org.hotline.call.EndReason;
import org.hotline.call.Playback;
import org.hotline.call.PlaybackResult;
import org.hotline.media.AudioClip;
import org.hotline.media.MediaSession;
import org.hotline.prompt.Prompts;

/**
 * What a caller hears and presses: prompts played while the flow waits (barge-in by a key press),
 * background playback (music on hold, rule R7), and the DTMF digits however they came (RFC 4733 or
 * SIP INFO). The blocking methods run on the call's virtual thread and throw
 * {@link CallHungUpException} once the call has ended; the rest is thread-safe.
 */
final class CallerAudio {

    /** A wait bound long enough to mean "until it completes". */
    private static final Duration UNTIL_DONE = Duration.ofDays(1);

    private final String callId;
    private final MediaSession session;
    private final Prompts prompts;
    private final CompletableFuture<EndReason> ended;
    private final DigitBuffer digits = new DigitBuffer();

    CallerAudio(String callId, MediaSession session, Prompts prompts, CompletableFuture<EndReason> ended) {
        this.callId = callId;
        this.session = session;
        this.prompts = prompts;
        this.ended = ended;
    }

    PlaybackResult play(Announcement announcement) {
        if (announcement.bargeIn() && digits.hasBuffered()) {
            return PlaybackResult.INTERRUPTED_BY_DIGIT;
        }
        CompletableFuture<Void> digit = announcement.bargeIn() ? digits.nextArrival() : new CompletableFuture<>();
        CompletableFuture<Void> playback = session.play(clips(announcement));
        await(CompletableFuture.anyOf(playback, digit, ended), UNTIL_DONE);
        if (ended.isDone()) {
            session.stopPlayback();
            throw new CallHungUpException(callId);
        }
        if (digit.isDone() && !playback.isDone()) {
            session.stopPlayback();
            return PlaybackResult.INTERRUPTED_BY_DIGIT;
        }
        return PlaybackResult.COMPLETED;
    }

    /** Never blocks; a call that has ended gets a finished playback. */
    Playback startPlayback(Announcement announcement, boolean loop) {
        if (ended.isDone()) {
            return SessionPlayback.finished(session);
        }
        return new SessionPlayback(session, session.play(clips(announcement), loop));
    }

    Optional<Character> awaitDigit(Duration timeout) {
        try {
            Optional<Character> digit = digits.await(timeout);
            if (digit.isEmpty() && ended.isDone()) {
                throw new CallHungUpException(callId);
            }
            return digit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a digit on " + callId, e);
        }
    }

    void clearDigits() {
        digits.clear();
    }

    void onDigit(char digit) {
        if (!ended.isDone()) {
            digits.add(digit);
        }
    }

    /** The call ended: waiting for digits stops. */
    void close() {
        digits.close();
    }

    private List<AudioClip> clips(Announcement announcement) {
        return announcement.promptNames().stream().map(name -> prompts.clip(name, announcement.language())).toList();
    }

    private void await(CompletableFuture<?> future, Duration timeout) {
        try {
            Waits.await(future, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while playing to " + callId, e);
        }
    }
}
