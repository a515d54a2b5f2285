package org.hotline.media.rtp;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;

/**
 * Who the call's media peer is: what the SDP negotiated, and the address symmetric RTP latched
 * to (RFC 4961: send to where the peer's packets come from, which NATs make differ from the SDP).
 * A re-INVITE that moves the SDP address forgets the latch, so the peer's new source is learnt.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class RemotePeer {

    private RemoteMedia negotiated;
    private InetSocketAddress latched;

    void connect(RemoteMedia remote) {
        if (negotiated != null && !negotiated.address().equals(remote.address())) {
            latched = null;
        }
        negotiated = remote;
    }

    boolean isConnected() {
        return negotiated != null;
    }

    /** Latches on the first call; afterwards true only for the latched address. */
    boolean acceptSource(InetSocketAddress source) {
        if (latched == null) {
            latched = source;
        }
        return latched.equals(source);
    }

    boolean isLatched() {
        return latched != null;
    }

    /** Where packets go: the latched source, else the SDP address; empty before either is known. */
    Optional<InetSocketAddress> target() {
        if (latched != null) {
            return Optional.of(latched);
        }
        return Optional.ofNullable(negotiated).map(RemoteMedia::address);
    }

    /** The negotiated codec; only valid once connected. */
    Codec codec() {
        return negotiated.codec();
    }

    boolean isAudio(int payloadType) {
        return negotiated != null && negotiated.codec().payloadType() == payloadType;
    }

    /** The negotiated RFC 4733 payload type; -1 if none was negotiated or not yet connected. */
    int telephoneEventPayloadType() {
        return negotiated == null ? -1 : negotiated.telephoneEventPayloadType();
    }

    boolean isTelephoneEvent(int payloadType) {
        return negotiated != null && negotiated.telephoneEventPayloadType() == payloadType;
    }
}
