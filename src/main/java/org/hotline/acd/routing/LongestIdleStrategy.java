package org.hotline.acd.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The default: the eligible agent who has been ready the longest (ties by work number). */
public final class LongestIdleStrategy implements RoutingStrategy {

    static final Comparator<AgentView> LONGEST_READY_FIRST =
            Comparator.comparing(AgentView::readySince).thenComparing(RoutingSnapshot.BY_WORK_NUMBER);

    @Override
    public List<String> choose(RoutingSnapshot snapshot, Instant now) {
        return snapshot.eligible().stream()
                .min(LONGEST_READY_FIRST)
                .map(AgentView::workNumber)
                .stream()
                .toList();
    }
}
