package org.hotline.acd;

/**
 * Why an agent's status request was refused, with the prompt the softphone feature code answers
 * with (names as in {@code prompts/prompts.tsv}).
 */
public enum Refusal {
    /** Rule R17: the agent already had the day's breaks. */
    BREAKS_PER_DAY_REACHED("agent.break.refused-daily"),
    /** Rule R17: too many agents are on break right now. */
    CONCURRENT_BREAKS_REACHED("agent.break.refused-concurrent"),
    /** Rule R18: the imposed break is not over yet; only logging out ends it early. */
    FATIGUE_BREAK_RUNNING("agent.break.fatigue-running"),
    /** Break and log-out wait until the agent has no offer, call or wrap-up running. */
    BUSY("agent.status.refused-busy"),
    /** The agent must log in first. */
    NOT_LOGGED_IN("agent.status.refused-logged-out"),
    /** The agent is already in the requested status. */
    UNCHANGED("agent.status.unchanged"),
    /** No agent has this work number (rule R3: agents log in with their own work number). */
    UNKNOWN_AGENT("agent.status.refused-unknown");

    private final String promptName;

    Refusal(String promptName) {
        this.promptName = promptName;
    }

    public String promptName() {
        return promptName;
    }
}
