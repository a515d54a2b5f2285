package org.hotline.media.rtp;

/**
 * Why relayed packets handed to a session were not sent, by reason. Every reason is by design:
 * a packet no live relay wants. The load bench (issue 7) counts a relayed packet as lost only when
 * it is handed in and neither sent nor dropped for one of these reasons.
 *
 * @param targetClosed the target session had closed (the call ending: packets in flight at the BYE)
 * @param notRelaying the target did not (or no longer) relay that source: before the bridge, after
 *     it, or a former source after a transfer
 * @param held the target's peer on hold (RFC 3264 §8.4: sendonly/inactive towards it)
 * @param noPeer the target's peer address or codec not yet known
 * @param eventNotNegotiated a telephone-event for a peer that did not negotiate RFC 4733 events
 */
public record RelayDrops(long targetClosed, long notRelaying, long held, long noPeer, long eventNotNegotiated) {

    public static final RelayDrops NONE = new RelayDrops(0, 0, 0, 0, 0);

    public long total() {
        return targetClosed + notRelaying + held + noPeer + eventNotNegotiated;
    }

    public RelayDrops plus(RelayDrops other) {
        return new RelayDrops(targetClosed + other.targetClosed, notRelaying + other.notRelaying, held + other.held,
                noPeer + other.noPeer, eventNotNegotiated + other.eventNotNegotiated);
    }

    /** The reason, for the session's counters. */
    enum Reason { TARGET_CLOSED, NOT_RELAYING, HELD, NO_PEER, EVENT_NOT_NEGOTIATED }
}
