package org.hotline.call;

/**
 * Learns how an {@link AgentOffer} ended. Called at most once, on a front thread (SIP stack), so
 * implementations post to the ACD's executor and return at once.
 */
public interface AgentOfferListener {

    /** The agent's phone answered; the leg is up but not yet relayed to the caller. */
    void answered(AgentLeg leg);

    /**
     * No leg can answer: the agent is not registered, every contact refused (busy, declined) or
     * failed. Not called for a CANCEL we sent.
     */
    void failed(String reason);
}
