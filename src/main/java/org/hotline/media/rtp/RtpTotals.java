package org.hotline.media.rtp;

/**
 * The RTP counters of every session the engine has run since it started, closed ones included:
 * what the load bench reads after a run (issue 7) and what the relay's health is judged by.
 * Immutable; fields may be a packet apart from each other while sessions are live.
 *
 * @param sessionsOpened sessions opened (two per bridged call: the caller's and the agent's)
 * @param sessionsClosed sessions closed and their ports returned
 * @param packets the sessions' {@link RtpStatistics} added up field by field, except
 *     {@code interarrivalJitterMs}, which is the largest of any session
 * @param relayDelay the sessions' relay delays in one histogram
 */
public record RtpTotals(long sessionsOpened, long sessionsClosed, RtpStatistics packets, RelayDelay relayDelay) {

    /**
     * Relayed packets handed to a target that it neither sent nor dropped for a reason of
     * {@link RelayDrops}: packets the relay lost. Zero once settled (a packet being sent while the
     * totals are read may show for an instant).
     */
    public long relayLost() {
        return packets.relayPacketsIn() - packets.relayPacketsOut() - packets.relayDropped();
    }
}
