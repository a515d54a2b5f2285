package org.hotline.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. */
final class ManualClock extends Clock {

    private Instant now;

    ManualClock(Instant start) {
        this.now = start;
    }

    void advanceSeconds(long seconds) {
        now = now.plus(Duration.ofSeconds(seconds));
    }

    /** Moves to {@code seconds} after {@code origin}, never backwards. */
    void at(Instant origin, long seconds) {
        Instant next = origin.plusSeconds(seconds);
        if (next.isBefore(now)) {
            throw new IllegalArgumentException("the script goes back in time to " + next);
        }
        now = next;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("fixed to UTC");
    }
}
