package org.hotline.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The explicit histogram buckets of {@link MetricsCatalog}'s histograms (Prometheus {@code le}
 * bounds, inclusive), chosen so the standards' limits are bucket edges: rule R1's 10 s, R7's 45 s,
 * R13's 35 minutes, each queue's service-level threshold X. Immutable lists; {@link #array} copies.
 */
final class Buckets {

    /** Rule R1: three rings, 10 s. */
    static final List<Duration> IVR_ANSWER = seconds(1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30);
    /** Rule R7's 45 s; {@link #queueWait} adds each queue's X and the short-abandon threshold. */
    static final List<Duration> QUEUE_WAIT = seconds(5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600);
    /** Rule R13: 35 minutes (2100 s). */
    static final List<Duration> TALK = seconds(30, 60, 120, 180, 300, 600, 900, 1200, 1800, 2100, 3600);
    /** Rule R7: 45 s on hold. */
    static final List<Duration> HOLD = seconds(10, 20, 30, 45, 60, 90, 120, 180, 300, 600);
    static final List<Duration> WRAP_UP = seconds(5, 10, 15, 20, 30, 45, 60, 120, 300, 600);
    static final List<Duration> JITTER = IntStream.of(1, 5, 10, 20, 30, 50, 100, 200)
            .mapToObj(Duration::ofMillis).toList();
    /**
     * Loss per mille. Micrometer files a summary's value in the bucket of its ceiling (whole numbers
     * only), so a ratio is recorded in ‰ and 0.3 ‰ lands in {@code le="1.0"}.
     */
    static final List<Double> LOSS_PER_MILLE = List.of(1.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0);
    /** Rule R11's scores. */
    static final List<Double> SURVEY = List.of(1.0, 2.0, 3.0, 4.0, 5.0);

    private Buckets() {
    }

    /** Queue waits: the common buckets, each queue's service-level threshold X and the short-abandon threshold. */
    static List<Duration> queueWait(MetricsSettings settings) {
        Set<Duration> buckets = new TreeSet<>(QUEUE_WAIT);
        settings.queues().forEach(target -> buckets.add(target.serviceLevelThreshold()));
        if (settings.shortAbandonThreshold().isPositive()) {
            buckets.add(settings.shortAbandonThreshold());
        }
        return List.copyOf(buckets);
    }

    static Duration[] array(List<Duration> buckets) {
        return buckets.toArray(Duration[]::new);
    }

    static double[] values(List<Double> buckets) {
        return buckets.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Duration> seconds(int... values) {
        return IntStream.of(values).mapToObj(Duration::ofSeconds).toList();
    }
}
