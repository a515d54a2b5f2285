package org.hotline.acd.routing;

import java.time.Instant;
import java.util.List;

/**
 * Every eligible agent at once, in work-number order: the offers ring in parallel and the first
 * answer wins; the engine CANCELs the others.
 */
public final class RingAllStrategy implements RoutingStrategy {

    @Override
    public List<String> choose(RoutingSnapshot snapshot, Instant now) {
        return snapshot.eligible().stream().sorted(RoutingSnapshot.BY_WORK_NUMBER).map(AgentView::workNumber).toList();
    }
}
