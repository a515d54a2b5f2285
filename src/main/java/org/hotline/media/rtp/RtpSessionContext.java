package org.hotline.media.rtp;

import java.util.function.Consumer;

/**
 * What one call's pipeline handlers share with their {@link RtpSession}: the call id for logs,
 * the peer, the counters and statistics, and where digits and audio go.
 *
 * <p>Threading: the mutable parts are confined to the session's event loop.
 */
record RtpSessionContext(
        String callId,
        RemotePeer peer,
        RtpCounters counters,
        ReceptionStatistics reception,
        Consumer<Character> digits,
        Consumer<RtpPacket> audio,
        RelayFeed relay) {
}
