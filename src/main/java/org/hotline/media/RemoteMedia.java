package org.hotline.media;

import java.net.InetSocketAddress;

/**
 * Where and how to send a call's audio, from the negotiated SDP. The address is a first guess:
 * symmetric RTP latches to the source of the first packet received (RFC 4961).
 *
 * @param telephoneEventPayloadType dynamic payload type of RFC 4733 events, or -1 if not negotiated
 */
public record RemoteMedia(InetSocketAddress address, Codec codec, int telephoneEventPayloadType) {
}
