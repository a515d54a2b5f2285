package org.hotline.acd;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The static part of an agent, as configured: the work number the agent logs in with and the caller
 * hears (rule R3), a display name, and the queues the agent serves with a tier level each. Lower
 * levels are offered first (mod_callcenter's tier level, Asterisk's penalty); the queue's strategy
 * orders agents within a level.
 */
public record AgentProfile(String workNumber, String displayName, Map<String, Integer> queueLevels) {

    /** Rule R3: the work number is spoken digit by digit (工号XXXX), and it is the SIP user name. */
    private static final Pattern WORK_NUMBER = Pattern.compile("[0-9]{1,16}");

    public AgentProfile {
        Objects.requireNonNull(workNumber, "workNumber");
        Objects.requireNonNull(displayName, "displayName");
        if (!WORK_NUMBER.matcher(workNumber).matches()) {
            throw new IllegalArgumentException("work number must be 1-16 digits (rule R3): " + workNumber);
        }
        queueLevels = Map.copyOf(queueLevels);
        queueLevels.forEach((queue, level) -> {
            if (queue.isBlank() || level < 0) {
                throw new IllegalArgumentException(
                        "agent " + workNumber + ": queue level must be >= 0 for a named queue: " + queue + "=" + level);
            }
        });
    }

    /** An agent serving the given queues, all at level 0. */
    public static AgentProfile of(String workNumber, String displayName, String... queues) {
        Map<String, Integer> levels = new java.util.HashMap<>();
        for (String queue : queues) {
            levels.put(queue, 0);
        }
        return new AgentProfile(workNumber, displayName, levels);
    }

    public boolean serves(String queue) {
        return queueLevels.containsKey(queue);
    }

    public Optional<Integer> levelIn(String queue) {
        return Optional.ofNullable(queueLevels.get(queue));
    }
}
