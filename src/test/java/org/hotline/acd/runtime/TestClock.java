package org.hotline.acd.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when the test moves it, and tells whoever waits on it (fake agent legs
 * timing out). Thread-safe.
 */
final class TestClock extends Clock {

    private final Instant start;
    private final List<Runnable> onAdvance = new CopyOnWriteArrayList<>();
    private volatile Instant now;

    TestClock(Instant start) {
        this.start = start;
        this.now = start;
    }

    void setTo(Instant instant) {
        synchronized (this) {
            if (instant.isBefore(now)) {
                throw new IllegalArgumentException("time does not go back: " + instant + " < " + now);
            }
            now = instant;
        }
        onAdvance.forEach(Runnable::run);
    }

    void whenAdvanced(Runnable listener) {
        onAdvance.add(listener);
    }

    /** Seconds since the test's start, for step labels. */
    long elapsedSeconds() {
        return Duration.between(start, now).toSeconds();
    }

    Instant start() {
        return start;
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
        throw new UnsupportedOperationException("tests use one zone");
    }
}
