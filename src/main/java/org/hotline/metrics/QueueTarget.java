package org.hotline.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * One queue's objectives as the metrics publish them and the alert rules compare against: the
 * service level (服务水平: {@code serviceLevelPercent} of offered calls answered within
 * {@code serviceLevelThreshold}), the answer rate target (接通率), and the maximum wait.
 */
public record QueueTarget(String queue, Duration serviceLevelThreshold, int serviceLevelPercent,
        int answerRatePercent, Duration maxWait) {

    public QueueTarget {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(serviceLevelThreshold, "serviceLevelThreshold");
        Objects.requireNonNull(maxWait, "maxWait");
    }

    /** Whether an answer after {@code waited} is within the service level (at most X, as the ACD counts it). */
    public boolean withinServiceLevel(Duration waited) {
        return waited.compareTo(serviceLevelThreshold) <= 0;
    }
}
