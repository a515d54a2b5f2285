package org.hotline.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Metrics for the unit tests: queues {@code general} (80/20) and {@code billing} (90/15), short abandons under 5 s. */
final class Fixtures {

    static final MetricsSettings SETTINGS = new MetricsSettings(List.of(
            new QueueTarget("general", Duration.ofSeconds(20), 80, 90, Duration.ofMinutes(5)),
            new QueueTarget("billing", Duration.ofSeconds(15), 90, 95, Duration.ofMinutes(3))), Duration.ofSeconds(5));

    private Fixtures() {
    }

    static HotlineMetrics metrics(Clock clock) {
        return HotlineMetrics.create(SETTINGS, clock);
    }

    /** Running parts with nothing going on: SIP and RTP up, the ACD answering an empty snapshot. */
    static HotlineMetrics.Components idleParts() {
        return parts(() -> CompletableFuture.completedFuture(AcdSnapshot.EMPTY));
    }

    static HotlineMetrics.Components parts(AcdSnapshot.Source acd) {
        return new HotlineMetrics.Components(() -> true, () -> 0, () -> true, () -> 0, List::of, acd, List.of());
    }

    static Exposition scrape(HotlineMetrics metrics) {
        return Exposition.parse(((PrometheusMeterRegistry) metrics.catalog().registry()).scrape());
    }
}
