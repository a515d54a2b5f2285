package org.hotline.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each queue's policy: names unique, durations within the standards (R1 ring timeout, R7
 * announcements), and overflow targets that exist and never loop, so every caller ends on an agent
 * or on rule R9's failure path.
 */
final class QueueValidator {

    static final int MAX_PRIORITY = 9;
    static final Duration MAX_WRAP_UP = Duration.ofMinutes(10);
    static final Duration MAX_WAIT_LIMIT = Duration.ofHours(1);
    /** Rule R7: the caller hears the first announcement at 45 s at the latest. */
    static final Duration R7_ANNOUNCE_FIRST_LIMIT = Duration.ofSeconds(45);
    /** Shorter than this and announcements would all but replace the music. */
    static final Duration MIN_ANNOUNCE_INTERVAL = Duration.ofSeconds(15);
    static final Duration MAX_ANNOUNCE_INTERVAL = Duration.ofMinutes(5);
    /** Rule R1: three rings. */
    static final Duration R1_RING_TIMEOUT_LIMIT = Duration.ofSeconds(10);

    private final ConfigValidator config;

    QueueValidator(ConfigValidator config) {
        this.config = config;
    }

    /** Returns the queue names, in configured order. */
    Set<String> check(List<QueueConfig> queues) {
        if (queues.isEmpty()) {
            throw config.fail("queues", "at least one queue is needed");
        }
        Map<String, QueueConfig> byName = new LinkedHashMap<>();
        for (int i = 0; i < queues.size(); i++) {
            String key = "queues[" + i + "]";
            QueueConfig queue = config.require(queues.get(i), key);
            String name = config.requireText(queue.name(), key + ".name");
            if (name.equals(QueueConfig.FAIL)) {
                throw config.fail(key + ".name", "\"" + QueueConfig.FAIL + "\" is reserved: onMaxWait: fail means rule R9's failure path");
            }
            if (byName.putIfAbsent(name, queue) != null) {
                throw config.fail(key + ".name", "queue " + name + " is defined twice");
            }
        }
        for (int i = 0; i < queues.size(); i++) {
            checkPolicy(queues.get(i), "queues[" + i + "]", byName.keySet());
        }
        checkOverflowLoops(queues, byName);
        return byName.keySet();
    }

    private void checkPolicy(QueueConfig queue, String key, Set<String> names) {
        config.require(queue.strategy(), key + ".strategy");
        config.require(queue.whenNoAgents(), key + ".whenNoAgents");
        config.require(queue.recording(), key + ".recording"); // rule R14
        if (queue.priority() < 0 || queue.priority() > MAX_PRIORITY) {
            throw config.fail(key + ".priority", queue.priority() + " must be 0-" + MAX_PRIORITY);
        }
        within(queue.wrapUp(), key + ".wrapUp", Duration.ZERO, MAX_WRAP_UP, "");
        within(queue.maxWait(), key + ".maxWait", Duration.ofSeconds(1), MAX_WAIT_LIMIT, "");
        within(queue.announceFirst(), key + ".announceFirst", Duration.ofSeconds(1), R7_ANNOUNCE_FIRST_LIMIT, " (rule R7)");
        within(queue.announceInterval(), key + ".announceInterval", MIN_ANNOUNCE_INTERVAL, MAX_ANNOUNCE_INTERVAL, " (rule R7)");
        within(queue.ringTimeout(), key + ".ringTimeout", Duration.ofSeconds(1), R1_RING_TIMEOUT_LIMIT, " (rule R1: three rings)");
        QueueConfig.ServiceLevelConfig level = config.require(queue.serviceLevel(), key + ".serviceLevel");
        within(level.threshold(), key + ".serviceLevel.threshold", Duration.ofSeconds(1), MAX_WAIT_LIMIT, "");
        if (level.targetPercent() < 1 || level.targetPercent() > 100) {
            throw config.fail(key + ".serviceLevel.targetPercent", level.targetPercent() + " must be 1-100 (%)");
        }
        config.requireText(queue.musicOnHold(), key + ".musicOnHold");
        String onMaxWait = config.requireText(queue.onMaxWait(), key + ".onMaxWait");
        if (onMaxWait.equals(queue.name())) {
            throw config.fail(key + ".onMaxWait", "queue " + queue.name() + " cannot overflow to itself");
        }
        if (!onMaxWait.equals(QueueConfig.FAIL) && !names.contains(onMaxWait)) {
            throw config.fail(key + ".onMaxWait", "\"" + onMaxWait + "\" is neither " + QueueConfig.FAIL
                    + " (rule R9) nor a queue in queues");
        }
    }

    /** Following overflows from any queue must reach one that fails (rule R9), never come back. */
    private void checkOverflowLoops(List<QueueConfig> queues, Map<String, QueueConfig> byName) {
        for (int i = 0; i < queues.size(); i++) {
            Set<String> seen = new HashSet<>();
            QueueConfig current = queues.get(i);
            while (!current.onMaxWait().equals(QueueConfig.FAIL)) {
                if (!seen.add(current.name())) {
                    throw config.fail("queues[" + i + "].onMaxWait", "overflows loop back to " + current.name()
                            + ": a caller would never reach rule R9's failure path");
                }
                current = byName.get(current.onMaxWait());
            }
        }
    }

    private void within(Duration value, String key, Duration min, Duration max, String rule) {
        config.require(value, key);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw config.fail(key, DurationFormat.format(value) + " must be " + DurationFormat.format(min) + "-"
                    + DurationFormat.format(max) + rule);
        }
    }
}
