package org.hotline.acd;

import java.time.Duration;

/**
 * The limits of the agent rules of SERVICE-STANDARDS.md, one constant per limit, named with the rule
 * that sets it. They are the standard, not tunables, so they are not in the configuration.
 */
public final class AgentRules {

    /** Rule R16: not ready is allowed up to this long; reaching it raises an alert. */
    public static final Duration R16_NOT_READY_LIMIT = Duration.ofMinutes(15);

    /** Rule R17: breaks an agent may take in one day (the fourth is refused). */
    public static final int R17_BREAKS_PER_DAY = 3;

    /** Rule R17: agents that may be on break at the same time (a fourth request is refused). */
    public static final int R17_CONCURRENT_BREAKS = 3;

    /** Rule R17: a break may last this long; reaching it raises an alert. */
    public static final Duration R17_BREAK_LIMIT = Duration.ofMinutes(10);

    /** Rule R18: continuous service after which the agent is sent on a break. */
    public static final Duration R18_CONTINUOUS_SERVICE_LIMIT = Duration.ofHours(3);

    /** Rule R18: the length of that break; the agent is made available again when it ends. */
    public static final Duration R18_FATIGUE_BREAK = Duration.ofMinutes(10);

    /** The status reason of a break the agent asked for (rule R17). */
    public static final String REQUESTED_BREAK_REASON = "requested";

    /** The status reason of the break rule R18 imposes. */
    public static final String R18_FATIGUE_BREAK_REASON = "fatigue (R18)";

    /** The reason an agent is set not ready after a missed offer (rule R1). */
    public static final String NO_ANSWER_REASON = "no answer";

    private AgentRules() {
    }
}
