package org.hotline.sip.sdp;

import org.hotline.media.RemoteMedia;

/**
 * The outcome of one offer/answer exchange: where and how to send, whether the peer holds the
 * call, and the SDP we answered with.
 */
public record NegotiatedMedia(RemoteMedia remote, Direction offeredDirection, boolean legacyHold, String answerSdp) {

    /** False while the peer holds the call (sendonly, inactive, or c=0.0.0.0). */
    public boolean peerReceives() {
        return offeredDirection.peerReceives() && !legacyHold;
    }
}
