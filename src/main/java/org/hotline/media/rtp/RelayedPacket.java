package org.hotline.media.rtp;

import org.hotline.media.Codec;

/**
 * A packet one session received from its latched peer, on its way to a session that relays it
 * ({@link RtpSession#relayFrom}). Immutable (the packet holds a byte array, no buffer), so it
 * crosses from the source's event loop to the target's as it is.
 *
 * @param source the session that received it; a target drops packets of a source it no longer relays
 * @param codec the source's negotiated audio codec, or {@code null} for an RFC 4733 telephone-event
 * @param arrivalNanos when the source decoded it ({@code System.nanoTime()}), for the relay delay
 */
record RelayedPacket(RtpSession source, RtpPacket packet, Codec codec, long arrivalNanos) {

    boolean isTelephoneEvent() {
        return codec == null;
    }
}
