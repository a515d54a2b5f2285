package org.hotline.config;

import java.time.Duration;

/**
 * The voice menu and its input rules.
 *
 * @param noInputTimeout      rule R5: silence after a prompt before it is repeated (5 s)
 * @param hangupAfterGoodbye  rule R5: time between the silent-line goodbye and the hang-up (5 s)
 * @param maxInvalidInputs    wrong keys on one level before the caller is sent to an agent
 * @param agentKey            rule R4: the key for a human agent, announced and working on every level
 * @param agentQueue          the queue the agent key leads to
 * @param menu                the top level
 */
public record IvrConfig(
        Duration noInputTimeout,
        Duration hangupAfterGoodbye,
        int maxInvalidInputs,
        String agentKey,
        String agentQueue,
        MenuConfig menu) {
}
