package org.hotline.call;

/**
 * One agent's phone ringing for a caller (standalone: an INVITE forked to each of the agent's
 * registered contacts; FastAGI: a Dial). The ACD owns the ring timeout (rule R1) and cancels.
 */
public interface AgentOffer {

    String workNumber();

    /** Stops ringing (CANCEL every leg still ringing). No-op once answered or failed. Never blocks. */
    void cancel();
}
