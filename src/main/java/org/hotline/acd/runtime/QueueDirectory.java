package org.hotline.acd.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.acd.AgentProfile;

/**
 * The queues callers can be in, with their {@link QueueCallerSettings}, and the agents' queues,
 * to place a caller an agent transferred (rule R9). Immutable; any thread.
 *
 * @param queues        settings by queue name
 * @param agentProfiles agents by work number
 */
public record QueueDirectory(Map<String, QueueCallerSettings> queues, Map<String, AgentProfile> agentProfiles) {

    public QueueDirectory {
        queues = Map.copyOf(queues);
        agentProfiles = Map.copyOf(agentProfiles);
    }

    /**
     * @throws IllegalArgumentException for a queue that is not configured (the menu is validated
     *                                  against the same configuration, so this is a wiring error)
     */
    public QueueCallerSettings settings(String queue) {
        QueueCallerSettings settings = queues.get(queue);
        if (settings == null) {
            throw new IllegalArgumentException("no queue named " + queue);
        }
        return settings;
    }

    /**
     * Where a caller transferred by an agent (REFER to {@code requested}) waits next: the queue of
     * that name; for an agent's work number, the current queue if that agent serves it, else the
     * agent's first queue by level, where the caller is offered to that agent first
     * ({@link #transferAgent}) and to the queue's agents if that agent is not eligible or does not
     * answer; anything else, the current queue, so the caller is
     * never dropped.
     */
    public String transferQueue(String requested, String currentQueue) {
        if (queues.containsKey(requested)) {
            return requested;
        }
        return Optional.ofNullable(agentProfiles.get(requested))
                .map(agent -> agent.serves(currentQueue) ? currentQueue : firstQueue(agent))
                .orElse(currentQueue);
    }

    /** The agent a REFER to {@code requested} names, if it is a configured work number (a preferred agent). */
    public Optional<String> transferAgent(String requested) {
        return agentProfiles.containsKey(requested) ? Optional.of(requested) : Optional.empty();
    }

    private static String firstQueue(AgentProfile agent) {
        List<Map.Entry<String, Integer>> byLevel = agent.queueLevels().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        return byLevel.getFirst().getKey();
    }
}
