package org.hotline.recording;

import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.hotline.config.RecordingPolicy;

/**
 * Whether a call connected in a queue is recorded (rule R14): {@code all} and {@code none} say so;
 * {@code <n>%} draws from the injected random, which is seeded in tests so a sequence of decisions
 * is reproducible. A queue the configuration does not know is recorded (rule R14's default).
 *
 * <p>Thread-safe: draws are serialised (the random need not be thread-safe).
 */
final class RecordingDecision {

    private static final int PERCENT = 100;

    private final Map<String, RecordingPolicy> byQueue;
    private final RandomGenerator random;

    RecordingDecision(Map<String, RecordingPolicy> byQueue, RandomGenerator random) {
        this.byQueue = Map.copyOf(byQueue);
        this.random = Objects.requireNonNull(random, "random");
    }

    boolean record(String queue) {
        int percent = byQueue.getOrDefault(queue, RecordingPolicy.ALL).percent();
        if (percent >= PERCENT) {
            return true;
        }
        if (percent <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextInt(PERCENT) < percent;
        }
    }
}
