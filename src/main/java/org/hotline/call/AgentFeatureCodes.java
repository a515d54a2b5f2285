package org.hotline.call;

import java.util.List;

/**
 * What an agent's feature-code call does (dial {@code *1} ready, {@code *2} not ready, {@code *3}
 * break, {@code *0} log out): the front authenticates the agent, answers, plays the returned
 * prompts and hangs up. Implemented by the ACD on its serial executor.
 */
@FunctionalInterface
public interface AgentFeatureCodes {

    /**
     * Applies the code for the agent and returns the prompt names that answer it (e.g.
     * {@code agent.status.available}, or {@code agent.break.refused-daily} with rule R17).
     * Blocks the calling virtual thread briefly; an unknown code returns a prompt saying so.
     */
    List<String> apply(String workNumber, String code);
}
