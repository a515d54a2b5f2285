package org.hotline.acd;

import java.time.Duration;
import java.util.Objects;

/**
 * A queue's service-level objective (服务水平, SERVICE-STANDARDS.md "The numbers"): {@code targetPercent}
 * of the calls answered within {@code threshold}, e.g. 80/20.
 */
public record ServiceLevel(Duration threshold, int targetPercent) {

    public static final ServiceLevel DEFAULT = new ServiceLevel(Duration.ofSeconds(20), 80);

    public ServiceLevel {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("service-level threshold must be positive: " + threshold);
        }
        if (targetPercent < 1 || targetPercent > 100) {
            throw new IllegalArgumentException("service-level target must be 1..100 %: " + targetPercent);
        }
    }

    /** Whether a call answered after this wait counts as within the service level. */
    public boolean met(Duration waited) {
        return waited.compareTo(threshold) <= 0;
    }
}
