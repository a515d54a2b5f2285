package org.hotline.config;

import java.time.Duration;

/**
 * The voice menu and its input rules ({@code ivr:}).
 *
 * @param noInputTimeout      rule R5: silence after a prompt before it is repeated, and again before
 *                            the goodbye; also the survey's answer time (R11). Default 5s, as R5 says;
 *                            other positive values are accepted for sites with their own standard
 * @param hangupAfterGoodbye  rule R5: time between the silent-line goodbye and the hang-up; default 5s
 * @param maxInvalidInputs    wrong keys on one level before the caller is sent to agentQueue, at least 1; default 3
 * @param agentKey            rule R4: the key for a human agent, announced and working on every level;
 *                            one of 0-9 or #; default 0
 * @param agentQueue          the queue the agent key leads to; required, must be in {@code queues}
 * @param menu                the top level; required
 */
public record IvrConfig(
        Duration noInputTimeout,
        Duration hangupAfterGoodbye,
        int maxInvalidInputs,
        String agentKey,
        String agentQueue,
        MenuConfig menu) {
}
