package org.hotline.acd.routing;

import java.time.Instant;
import java.util.List;

/**
 * Skill levels (penalties): only the eligible agents of the lowest tier level present are
 * considered, and the wrapped strategy chooses among them. A higher tier is reached as soon as no
 * agent of a lower one is eligible; there is no extra delay before it.
 */
public final class TieredStrategy implements RoutingStrategy {

    private final RoutingStrategy withinTier;

    public TieredStrategy(RoutingStrategy withinTier) {
        this.withinTier = withinTier;
    }

    @Override
    public List<String> choose(RoutingSnapshot snapshot, Instant now) {
        return snapshot.eligible().stream()
                .mapToInt(AgentView::level)
                .min()
                .stream()
                .mapToObj(level -> withinTier.choose(snapshot.atLevel(level), now))
                .findFirst()
                .orElse(List.of());
    }
}
