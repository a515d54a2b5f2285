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
 * frame was sent. A looping play (music on hold) starts over with its first clip in the middle
 * of a frame, without padding, and ends only when stopped. A new play, a stop or the session's
 * close completes the previous future.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class Playout {

    private final Deque<AudioClip> clips = new ArrayDeque<>();
    private List<AudioClip> looped = List.of();
    private int position;
    private CompletableFuture<Void> done;
    private boolean lastFrameTaken;

    void play(List<AudioClip> newClips, boolean loop, CompletableFuture<Void> future) {
        stop();
        List<AudioClip> playable = newClips.stream().filter(clip -> clip.samples().length > 0).toList();
        clips.addAll(playable);
        looped = loop ? playable : List.of();
        done = future;
        if (clips.isEmpty()) {
            stop();
        }
    }

    /** Ends the current play early (or on time) and completes its future. */
    void stop() {
        clips.clear();
        looped = List.of();
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
                if (clips.isEmpty()) {
                    clips.addAll(looped);
                }
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
