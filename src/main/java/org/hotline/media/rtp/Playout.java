package org.hotline.media.rtp;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotline.media.AudioClip;

/**
 * What the media clock plays: the clips of the current {@code play} back to back, cut into 160
 * sample frames (the last one padded with silence), and the future to complete once the last
 * frame was sent. A new play, a stop or the session's close completes the previous future.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class Playout {

    private final Deque<AudioClip> clips = new ArrayDeque<>();
    private int position;
    private CompletableFuture<Void> done;
    private boolean lastFrameTaken;

    void play(List<AudioClip> newClips, CompletableFuture<Void> future) {
        stop();
        newClips.stream().filter(clip -> clip.samples().length > 0).forEach(clips::add);
        done = future;
        if (clips.isEmpty()) {
            stop();
        }
    }

    /** Ends the current play early (or on time) and completes its future. */
    void stop() {
        clips.clear();
        position = 0;
        lastFrameTaken = false;
        if (done != null) {
            CompletableFuture<Void> finished = done;
            done = null;
            finished.complete(null);
        }
    }

    /**
     * Fills {@code frame} with the next samples; false (frame untouched) when nothing plays.
     * Call {@link #frameSent} after the frame went out.
     */
    boolean nextFrame(short[] frame) {
        if (clips.isEmpty()) {
            return false;
        }
        int filled = 0;
        while (filled < frame.length && !clips.isEmpty()) {
            short[] samples = clips.peekFirst().samples();
            int n = Math.min(frame.length - filled, samples.length - position);
            System.arraycopy(samples, position, frame, filled, n);
            filled += n;
            position += n;
            if (position == samples.length) {
                clips.removeFirst();
                position = 0;
            }
        }
        Arrays.fill(frame, filled, frame.length, (short) 0);
        lastFrameTaken = clips.isEmpty();
        return true;
    }

    /** Completes the play's future if the frame just sent was its last. */
    void frameSent() {
        if (lastFrameTaken) {
            stop();
        }
    }
}
