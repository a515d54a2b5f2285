package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

class PlayoutTest {

    private final Playout playout = new Playout();
    private final short[] frame = new short[160];

    @Test
    void playsClipsBackToBackAndCompletesAfterTheLastFrameWasSent() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        playout.play(List.of(clip("a", 100, 1), clip("b", 300, 2)), false, done);

        assertTrue(playout.nextFrame(frame));
        assertEquals(1, frame[99]);
        assertEquals(2, frame[100]);
        playout.frameSent();
        assertTrue(playout.nextFrame(frame));
        assertEquals(2, frame[159]);
        playout.frameSent();
        assertTrue(playout.nextFrame(frame));
        assertEquals(2, frame[79]);
        assertEquals(0, frame[80], "the last frame is padded with silence");
        assertFalse(done.isDone(), "not before the last frame went out");
        playout.frameSent();

        assertTrue(done.isDone());
        assertFalse(playout.nextFrame(frame));
    }

    @Test
    void aNewPlayReplacesTheCurrentOneAndCompletesItsFuture() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        playout.play(List.of(clip("a", 1600, 1)), false, first);
        playout.nextFrame(frame);

        playout.play(List.of(clip("b", 160, 7)), false, second);

        assertTrue(first.isDone());
        assertTrue(playout.nextFrame(frame));
        short[] sevens = new short[160];
        Arrays.fill(sevens, (short) 7);
        assertArrayEquals(sevens, frame);
    }

    @Test
    void stopCompletesTheFutureAndFallsSilent() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        playout.play(List.of(clip("a", 1600, 1)), false, done);

        playout.stop();

        assertTrue(done.isDone());
        assertFalse(playout.nextFrame(frame));
    }

    @Test
    void anEmptyPlayCompletesAtOnce() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        playout.play(List.of(clip("empty", 0, 0)), false, done);
        assertTrue(done.isDone());
    }

    @Test
    void aLoopingPlayStartsOverInTheMiddleOfAFrameUntilStopped() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        playout.play(List.of(clip("a", 100, 1), clip("b", 150, 2)), true, done);

        assertTrue(playout.nextFrame(frame));
        playout.frameSent();
        assertEquals(2, frame[159]);
        assertTrue(playout.nextFrame(frame));
        playout.frameSent();
        assertEquals(2, frame[89], "the end of b");
        assertEquals(1, frame[90], "then a again, not padded");
        assertEquals(1, frame[159]);
        for (int i = 0; i < 100; i++) {
            assertTrue(playout.nextFrame(frame));
            playout.frameSent();
        }
        assertFalse(done.isDone(), "a loop never ends by itself");

        playout.stop();

        assertTrue(done.isDone());
        assertFalse(playout.nextFrame(frame));
    }

    private static AudioClip clip(String name, int samples, int value) {
        short[] s = new short[samples];
        Arrays.fill(s, (short) value);
        return new AudioClip(name, s);
    }
}
