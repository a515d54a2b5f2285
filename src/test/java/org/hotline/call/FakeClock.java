package org.hotline.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that moves only when a test (or a test double) advances it. Thread-safe. */
final class FakeClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    FakeClock(Instant start) {
        this(start, ZoneId.of("UTC"));
    }

    private FakeClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new FakeClock(now, newZone);
    }
}
