package org.hotline.call;

/**
 * A call Hotline places through its {@link OutboundRoute}. Until {@link #dial} it only holds its
 * media (agents may be offered on its behalf); once answered it is a {@link CallControl} like a
 * caller's: prompts, digits, the queue, agent legs, hang-up. {@link CallControl#answer} does
 * nothing on an answered outbound call; {@link CallControl#transfer} is not offered (FAILED).
 * {@link #hangup} before the answer CANCELs it.
 *
 * <p>Threading: as {@link CallControl}: one virtual thread drives it.
 */
public interface OutboundCall extends CallControl {

    /** How a dial ended. */
    enum DialResult {
        ANSWERED,
        /** 486, 600 or 603 (RFC 3261 §21.4.7, §21.6). */
        BUSY,
        /** Rang until the route's ring timeout, or 408/480. */
        NO_ANSWER,
        /** Refused otherwise (authentication, no route, unusable SDP) or no response at all. */
        FAILED,
        /** {@link #hangup} was called while it rang. */
        CANCELLED
    }

    /**
     * Places the call and blocks until it is answered, refused or rings out. Callable once.
     */
    DialResult dial();
}
