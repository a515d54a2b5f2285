package org.hotline.acd.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link RoutingStrategy} may look at when choosing agents for one caller of one queue:
 * the agents serving the queue, the agents to skip for this caller (they missed or declined this
 * caller's offer), and the queue's round-robin cursor (the agent last offered a call of the queue).
 */
public record RoutingSnapshot(String queue, List<AgentView> agents, Set<String> skipped, Optional<String> lastOffered) {

    /** Tie-break and round-robin order: by work number. */
    public static final Comparator<AgentView> BY_WORK_NUMBER = Comparator.comparing(AgentView::workNumber);

    public RoutingSnapshot {
        Objects.requireNonNull(queue, "queue");
        agents = List.copyOf(agents);
        skipped = Set.copyOf(skipped);
        Objects.requireNonNull(lastOffered, "lastOffered");
    }

    /** Agents an offer for this caller may go to: available, idle, reachable, not skipped for this caller. */
    public List<AgentView> eligible() {
        return agents.stream().filter(AgentView::isReady).filter(a -> !skipped.contains(a.workNumber())).toList();
    }

    /** The same snapshot restricted to the agents of one tier level. */
    public RoutingSnapshot atLevel(int level) {
        return new RoutingSnapshot(queue, agents.stream().filter(a -> a.level() == level).toList(), skipped, lastOffered);
    }
}
