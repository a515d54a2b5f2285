package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MediaClockTest {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private final MediaClock clock = new MediaClock(START);

    @Test
    void sendsTheFirstFrameAtTheStart() {
        assertEquals(new MediaClock.Due(0, 1), clock.advance(START));
        assertEquals(20 * MS, clock.nanosUntilNextFrame(START));
    }

    @Test
    void sendsNothingBeforeTheNextDeadline() {
        clock.advance(START);
        assertEquals(new MediaClock.Due(0, 0), clock.advance(START + 19 * MS));
        assertEquals(MS, clock.nanosUntilNextFrame(START + 19 * MS));
    }

    @Test
    void lateWakeUpsDoNotDrift() {
        clock.advance(START);
        // each wake-up 1.5 ms late: the deadlines stay on the 20 ms grid
        for (int n = 1; n <= 1000; n++) {
            long now = START + n * 20 * MS + 1_500_000L;
            assertEquals(new MediaClock.Due(0, 1), clock.advance(now));
            assertEquals(20 * MS - 1_500_000L, clock.nanosUntilNextFrame(now));
        }
    }

    @Test
    void catchesUpTheFramesAShortStallMissed() {
        clock.advance(START);
        assertEquals(new MediaClock.Due(0, 3), clock.advance(START + 60 * MS + 100));
        assertEquals(new MediaClock.Due(0, 1), clock.advance(START + 80 * MS));
    }

    @Test
    void skipsInsteadOfBurstingAfterALongStall() {
        clock.advance(START);
        MediaClock.Due due = clock.advance(START + 2000 * MS);
        assertEquals(new MediaClock.Due(100 - MediaClock.MAX_CATCH_UP_FRAMES, MediaClock.MAX_CATCH_UP_FRAMES), due);
        assertEquals(20 * MS, clock.nanosUntilNextFrame(START + 2000 * MS));
    }

    @Test
    void aClockStartedByItsFirstFrameSchedulesTheSecondTwentyMillisecondsLater() {
        MediaClock started = MediaClock.afterFirstFrame(START);
        assertEquals(20 * MS, started.nanosUntilNextFrame(START));
        assertEquals(new MediaClock.Due(0, 0), started.advance(START + 10 * MS));
        assertEquals(new MediaClock.Due(0, 1), started.advance(START + 20 * MS));
    }

    @Test
    void waitsWhenWokenBeforeTheStart() {
        assertEquals(new MediaClock.Due(0, 0), clock.advance(START - MS));
        assertEquals(MS, clock.nanosUntilNextFrame(START - MS));
    }
}
