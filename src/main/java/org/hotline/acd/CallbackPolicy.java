package org.hotline.acd;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ACD places queued callbacks (rule R12): a callback waits in its caller's place in line,
 * is not offered to an agent before {@code initialDelay} after it was asked for, nor sooner than
 * {@code minInterval} after a failed attempt, and is given up after {@code maxAttempts}.
 */
public record CallbackPolicy(Duration initialDelay, int maxAttempts, Duration minInterval) {

    public static final CallbackPolicy DEFAULTS = new CallbackPolicy(Duration.ofSeconds(30), 3, Duration.ofMinutes(2));

    public CallbackPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(minInterval, "minInterval");
        if (initialDelay.isNegative() || minInterval.isNegative()) {
            throw new IllegalArgumentException("callback delays must not be negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }
}
