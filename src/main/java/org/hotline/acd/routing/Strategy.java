package org.hotline.acd.routing;

/**
 * The routing strategies a queue can be configured with. Every one is applied tier by tier
 * ({@link TieredStrategy}): agents with the lowest level for the queue are tried first.
 */
public enum Strategy {
    /** The default. */
    LONGEST_IDLE,
    ROUND_ROBIN,
    FEWEST_CALLS,
    /** Parallel offers; first answer wins, the others are CANCELled. */
    RING_ALL;

    /** A new, stateless routing function for this strategy, tiered by level. */
    public RoutingStrategy routing() {
        RoutingStrategy withinTier = switch (this) {
            case LONGEST_IDLE -> new LongestIdleStrategy();
            case ROUND_ROBIN -> new RoundRobinStrategy();
            case FEWEST_CALLS -> new FewestCallsStrategy();
            case RING_ALL -> new RingAllStrategy();
        };
        return new TieredStrategy(withinTier);
    }
}
