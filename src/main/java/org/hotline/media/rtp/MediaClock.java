package org.hotline.media.rtp;

/**
 * The 20 ms frame schedule of one outbound stream, on absolute deadlines: frame n is due at
 * start + n * 20 ms, so late wake-ups never accumulate into drift. A late wake-up sends the frames
 * it missed; after a long stall only the last {@link #MAX_CATCH_UP_FRAMES} are sent and the older
 * ones skipped (their time has passed and a burst would overflow the peer's jitter buffer).
 * Pure arithmetic on the times given, so it is tested without waiting.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class MediaClock {

    static final long FRAME_NANOS = 20_000_000L;
    static final int MAX_CATCH_UP_FRAMES = 5;

    /** Frames due at one wake-up: first skip {@code skipped}, then send {@code toSend}. */
    record Due(int skipped, int toSend) {
    }

    private final long startNanos;
    private long nextFrame;

    MediaClock(long startNanos) {
        this.startNanos = startNanos;
    }

    /**
     * A clock whose frame 0 is the one just sent: the stream's grid starts at its first packet,
     * however late the first wake-up was (class loading and connection set-up on a cold start).
     */
    static MediaClock afterFirstFrame(long firstFrameSentNanos) {
        MediaClock clock = new MediaClock(firstFrameSentNanos);
        clock.nextFrame = 1;
        return clock;
    }

    /** Claims every frame whose deadline is at or before {@code nowNanos}. */
    Due advance(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        long due = elapsed < 0 ? 0 : elapsed / FRAME_NANOS + 1 - nextFrame;
        if (due <= 0) {
            return new Due(0, 0);
        }
        nextFrame += due;
        int toSend = (int) Math.min(due, MAX_CATCH_UP_FRAMES);
        return new Due((int) (due - toSend), toSend);
    }

    /** Delay from {@code nowNanos} to the next frame's deadline (zero or negative if already due). */
    long nanosUntilNextFrame(long nowNanos) {
        return startNanos + nextFrame * FRAME_NANOS - nowNanos;
    }
}
