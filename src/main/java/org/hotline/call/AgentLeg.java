package org.hotline.call;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The answered agent side of a bridged call (standalone: the B2BUA's second dialog). The caller's
 * virtual thread drives it: relays media, then waits for the leg's next event.
 */
public interface AgentLeg {

    /** The agent's work number (rule R3). */
    String workNumber();

    /** Starts or stops relaying audio (and RFC 4733 events) both ways between caller and agent. */
    void relay(boolean on);

    /** Plays prompts to the agent only (whisper of the queue name before the caller is connected). */
    void whisper(Announcement announcement);

    /**
     * Blocks the caller's virtual thread until the leg's next event or the timeout.
     *
     * @throws CallHungUpException if the caller hangs up meanwhile
     */
    LegEvent awaitEvent(Duration timeout);

    /** After {@link LegEvent#TRANSFER_REQUESTED}: the target's user part (a queue name or a work number). */
    Optional<String> transferTarget();

    /** Ends the agent leg (BYE, or CANCEL if not answered). Idempotent; never throws CallHungUpException. */
    void hangup();

    /**
     * Completes when the leg is over (the agent hung up, or it was hung up), without taking any
     * event: a callback stops dialling its customer when the agent leaves (rule R12). A front that
     * cannot tell returns a future that never completes.
     */
    default CompletableFuture<Void> over() {
        return new CompletableFuture<>();
    }

    /** What happened on the agent leg. */
    enum LegEvent {
        /** The agent put the caller on hold (re-INVITE sendonly/inactive): relaying stopped. */
        HELD,
        /** The agent resumed (re-INVITE sendrecv): relay again. */
        RESUMED,
        /** The agent blind-transferred (REFER, RFC 3515); see {@link #transferTarget()}. */
        TRANSFER_REQUESTED,
        /** The agent hung up. */
        HUNG_UP,
        /** Nothing happened before the timeout. */
        TIMEOUT
    }
}
