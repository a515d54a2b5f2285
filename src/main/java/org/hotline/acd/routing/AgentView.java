package org.hotline.acd.routing;

import java.time.Instant;
import java.util.Objects;
import org.hotline.acd.AgentState;
import org.hotline.acd.AgentStatus;

/**
 * An immutable picture of one agent as a queue's routing sees it.
 *
 * @param level      the agent's tier level in this queue: lower levels are offered first
 * @param readySince when the agent last became available and idle (longest-idle routing)
 * @param callsToday calls the agent answered today (fewest-calls routing)
 * @param reachable  the agent's softphone is registered; an unreachable agent is never offered a call
 */
public record AgentView(
        String workNumber, AgentStatus status, AgentState state, int level, Instant readySince, int callsToday,
        boolean reachable) {

    public AgentView {
        Objects.requireNonNull(workNumber, "workNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(readySince, "readySince");
    }

    /** A reachable agent (for pictures where registration does not matter). */
    public AgentView(String workNumber, AgentStatus status, AgentState state, int level, Instant readySince,
            int callsToday) {
        this(workNumber, status, state, level, readySince, callsToday, true);
    }

    /** Available, idle and reachable: the only agents an offer may go to. */
    public boolean isReady() {
        return status == AgentStatus.AVAILABLE && state == AgentState.IDLE && reachable;
    }
}
