package org.hotline.acd.routing;

import java.time.Instant;
import java.util.List;

/**
 * Takes turns in work-number order: the first eligible agent after the queue's cursor (the agent
 * last offered one of its calls), wrapping around to the start.
 */
public final class RoundRobinStrategy implements RoutingStrategy {

    @Override
    public List<String> choose(RoutingSnapshot snapshot, Instant now) {
        List<String> inTurn = snapshot.eligible().stream()
                .sorted(RoutingSnapshot.BY_WORK_NUMBER)
                .map(AgentView::workNumber)
                .toList();
        if (inTurn.isEmpty()) {
            return List.of();
        }
        String next = snapshot.lastOffered()
                .flatMap(cursor -> inTurn.stream().filter(number -> number.compareTo(cursor) > 0).findFirst())
                .orElse(inTurn.getFirst());
        return List.of(next);
    }
}
