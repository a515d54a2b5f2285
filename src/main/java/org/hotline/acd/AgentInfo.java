package org.hotline.acd;

import java.time.Instant;

/** An immutable copy of an agent's live record, safe to hand to other threads (HTTP API, softphone prompts). */
public record AgentInfo(
        String workNumber,
        String displayName,
        AgentStatus status,
        String statusReason,
        Instant statusSince,
        AgentState state,
        Instant stateSince,
        int callsToday,
        int breaksToday) {
}
