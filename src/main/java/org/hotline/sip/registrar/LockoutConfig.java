package org.hotline.sip.registrar;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link SourceLockout} locks a source address out, validated when built.
 *
 * @param maxFailures       failed authentications within {@code failureWindow} that lock the source
 * @param failureWindow     the window, counted from the first failure
 * @param lockDuration      how long a locked source is refused
 * @param maxTrackedSources memory bound on the number of source addresses remembered
 */
public record LockoutConfig(int maxFailures, Duration failureWindow, Duration lockDuration, int maxTrackedSources) {

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_LOCK_DURATION = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_TRACKED_SOURCES = 10_000;

    public LockoutConfig {
        Objects.requireNonNull(failureWindow, "failureWindow");
        Objects.requireNonNull(lockDuration, "lockDuration");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("failureWindow must be positive: " + failureWindow);
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("lockDuration must be positive: " + lockDuration);
        }
        if (maxTrackedSources < 1) {
            throw new IllegalArgumentException("maxTrackedSources must be at least 1: " + maxTrackedSources);
        }
    }

    public static LockoutConfig defaults() {
        return new LockoutConfig(DEFAULT_MAX_FAILURES, DEFAULT_FAILURE_WINDOW, DEFAULT_LOCK_DURATION,
                DEFAULT_MAX_TRACKED_SOURCES);
    }
}
