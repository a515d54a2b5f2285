package org.hotline.acd.routing;

import java.time.Instant;
import java.util.List;

/**
 * Chooses which agents a caller is offered to: a pure function of a snapshot and an instant, with
 * no state of its own and no side effect (house style habit 7), so every decision can be replayed.
 */
@FunctionalInterface
public interface RoutingStrategy {

    /**
     * The work numbers to offer the caller to now: one agent for sequential strategies, every
     * eligible agent for ring-all, none when nobody in {@link RoutingSnapshot#eligible()} fits.
     */
    List<String> choose(RoutingSnapshot snapshot, Instant now);
}
