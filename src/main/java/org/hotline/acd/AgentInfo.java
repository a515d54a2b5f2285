package org.hotline.acd;

import java.time.Instant;

/** An immutable copy of an agent's live record, safe to hand to other threads (HTTP API, softphone prompts).
 * {@code reachable}: the agent's softphone is registered (see {@link Agent#reachable()}). */
public record AgentInfo(
        String workNumber,
        String displayName,
        AgentStatus status,
        String statusReason,
        Instant statusSince,
        AgentState state,
        Instant stateSince,
        int callsToday,
        int breaksToday,
        boolean reachable) {
}
