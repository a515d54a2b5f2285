package org.hotline.acd;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The commands {@link AcdEngine} gives the front that carries the calls (standalone SIP or FastAGI).
 * Called on the ACD's serial executor: implementations hand the work to the call's own thread or
 * the SIP stack and return at once; they never block and never call back into the engine
 * synchronously (they post the outcome to the executor instead).
 */
public interface AcdActions {

    /**
     * Rings these agents for the caller, in parallel when there are several (ring-all). The front
     * reports each leg back with {@code offerAnswered}, {@code offerNoAnswer} or {@code offerRejected};
     * the ring timeout (rule R1) is the engine's, so the front does not time the legs out itself.
     */
    void offer(String callId, String queue, List<String> agents);

    /** CANCELs the still-ringing legs to these agents (RFC 3261 §9). */
    void cancelOffers(String callId, List<String> agents);

    /** The agent answered an offer that is no longer theirs: hang that leg up (BYE). */
    void rejectAnswer(String callId, String agent);

    /** Bridges the caller with the agent who answered; the caller hears rule R8 if they waited, then R3. */
    void connect(String callId, String agent, Duration waited);

    /** Rule R7: tell the waiting caller their position and, if known, the expected wait. */
    void announce(String callId, int position, Optional<Duration> expectedWait);

    /** The caller now waits in another queue (rule R9's transfer phrase may be played). */
    void overflowed(String callId, String toQueue);

    /** The caller leaves the ACD without an agent: rule R9's failure path. */
    void notServed(String callId, NotServedReason reason);

    /**
     * Rule R12: offer the waiting caller a callback (their expected wait reached the queue's
     * threshold). Fronts that cannot place callbacks ignore it.
     */
    default void offerCallback(String callId, Optional<Duration> expectedWait) {
    }
}
