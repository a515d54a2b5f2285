package org.hotline.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotline.config.HotlineConfig;
import org.hotline.config.QueueConfig;

/**
 * What the metrics need from the configuration: each queue's targets (in configured order; their
 * names are the only values the {@code queue} tag takes) and the short-abandon threshold.
 */
public record MetricsSettings(List<QueueTarget> queues, Duration shortAbandonThreshold) {

    public MetricsSettings {
        queues = List.copyOf(queues);
        Objects.requireNonNull(shortAbandonThreshold, "shortAbandonThreshold");
    }

    public static MetricsSettings from(HotlineConfig config) {
        int answerRate = config.metrics().answerRateTargetPercent();
        List<QueueTarget> targets = config.queues().stream().map(queue -> target(queue, answerRate)).toList();
        return new MetricsSettings(targets, config.metrics().shortAbandonThreshold());
    }

    private static QueueTarget target(QueueConfig queue, int answerRatePercent) {
        return new QueueTarget(queue.name(), queue.serviceLevel().threshold(), queue.serviceLevel().targetPercent(),
                answerRatePercent, queue.maxWait());
    }

    /** The targets by queue name, in configured order. */
    public Map<String, QueueTarget> byQueue() {
        Map<String, QueueTarget> byName = new LinkedHashMap<>();
        queues.forEach(target -> byName.put(target.queue(), target));
        return byName;
    }

    public Optional<QueueTarget> target(String queue) {
        return queues.stream().filter(target -> target.queue().equals(queue)).findFirst();
    }

    /** Whether a caller who hung up after {@code waited} is a short abandon (sooner than the threshold). */
    public boolean shortAbandon(Duration waited) {
        return waited.compareTo(shortAbandonThreshold) < 0;
    }
}
