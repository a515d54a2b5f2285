package org.hotline.acd.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The eligible agent who answered the fewest calls today; ties go to the longest ready. */
public final class FewestCallsStrategy implements RoutingStrategy {

    private static final Comparator<AgentView> FEWEST_FIRST =
            Comparator.comparingInt(AgentView::callsToday).thenComparing(LongestIdleStrategy.LONGEST_READY_FIRST);

    @Override
    public List<String> choose(RoutingSnapshot snapshot, Instant now) {
        return snapshot.eligible().stream().min(FEWEST_FIRST).map(AgentView::workNumber).stream().toList();
    }
}
