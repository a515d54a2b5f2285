package org.hotline.acd;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The static input of the ACD: its queues, its agents, the time zone that decides where a day
 * ends (daily call and break counts, rule R17), and how callbacks are placed (rule R12). Validated when built: names are unique, every queue
 * an agent serves or a queue overflows to exists, and overflows never loop (a caller must end on
 * an agent or on rule R9's failure path).
 */
public record AcdSetup(List<QueuePolicy> queues, List<AgentProfile> agents, ZoneId timeZone, CallbackPolicy callbacks) {

    public AcdSetup {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(callbacks, "callbacks");
        Map<String, QueuePolicy> byName = indexQueues(queues);
        checkAgents(agents, byName);
        checkOverflows(byName);
    }

    /** With the default callback policy (the record's shape before rule R12's callbacks). */
    public AcdSetup(List<QueuePolicy> queues, List<AgentProfile> agents, ZoneId timeZone) {
        this(queues, agents, timeZone, CallbackPolicy.DEFAULTS);
    }

    /** The queues by name, in configured order. */
    public Map<String, QueuePolicy> queuesByName() {
        return indexQueues(queues);
    }

    private static Map<String, QueuePolicy> indexQueues(List<QueuePolicy> queues) {
        Map<String, QueuePolicy> byName = new LinkedHashMap<>();
        for (QueuePolicy queue : queues) {
            if (byName.put(queue.name(), queue) != null) {
                throw new IllegalArgumentException("queue defined twice: " + queue.name());
            }
        }
        return byName;
    }

    private static void checkAgents(List<AgentProfile> agents, Map<String, QueuePolicy> queues) {
        Set<String> workNumbers = new HashSet<>();
        for (AgentProfile agent : agents) {
            if (!workNumbers.add(agent.workNumber())) {
                throw new IllegalArgumentException("work number used twice (rule R3: no shared logins): "
                        + agent.workNumber());
            }
            for (String queue : agent.queueLevels().keySet()) {
                if (!queues.containsKey(queue)) {
                    throw new IllegalArgumentException("agent " + agent.workNumber() + " serves unknown queue " + queue);
                }
            }
        }
    }

    private static void checkOverflows(Map<String, QueuePolicy> queues) {
        for (QueuePolicy start : queues.values()) {
            Set<String> seen = new HashSet<>();
            QueuePolicy current = start;
            while (current.onMaxWait() instanceof MaxWaitAction.Overflow(String target)) {
                if (!seen.add(current.name())) {
                    throw new IllegalArgumentException("queue overflows loop back to " + current.name()
                            + ": a caller would never reach rule R9's failure path");
                }
                QueuePolicy next = queues.get(target);
                if (next == null) {
                    throw new IllegalArgumentException("queue " + current.name() + " overflows to unknown queue " + target);
                }
                current = next;
            }
        }
    }
}
