package org.hotline.acd;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The handle times (connect to end of wrap-up) of each queue's recent calls, and the expected wait
 * they allow: average handle time × position ÷ agents serving. An estimate is only given from live
 * data: with fewer than {@link #MIN_SAMPLES} calls or no agent available it is unknown.
 *
 * <p>Threading: the {@link AcdEngine}'s serial executor only.
 */
final class HandleTimes {

    /** Calls averaged per queue. */
    static final int WINDOW = 20;
    /** Fewer recent calls than this and the estimate is unknown. */
    static final int MIN_SAMPLES = 3;

    private final Map<String, Deque<Duration>> recent = new HashMap<>();

    void record(String queue, Duration handleTime) {
        Deque<Duration> times = recent.computeIfAbsent(queue, q -> new ArrayDeque<>());
        times.addLast(handleTime);
        if (times.size() > WINDOW) {
            times.removeFirst();
        }
    }

    Optional<Duration> average(String queue) {
        Deque<Duration> times = recent.get(queue);
        if (times == null || times.size() < MIN_SAMPLES) {
            return Optional.empty();
        }
        Duration total = times.stream().reduce(Duration.ZERO, Duration::plus);
        return Optional.of(total.dividedBy(times.size()));
    }

    Optional<Duration> expectedWait(String queue, int position, int agentsServing) {
        if (agentsServing <= 0) {
            return Optional.empty();
        }
        return average(queue).map(average -> average.multipliedBy(position).dividedBy(agentsServing));
    }
}
