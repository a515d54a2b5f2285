package org.hotline.sip.sdp;

import java.util.List;
import java.util.Map;

/**
 * The parts of a peer's SDP (an offer, or the answer to our delayed-offer SDP) that matter to us:
 * its first audio stream.
 *
 * @param address        connection address of the audio stream (media-level c= over session-level)
 * @param port           RTP port of the audio stream (0 means the stream is refused)
 * @param payloadTypes   payload types of the m= line, in the peer's order of preference
 * @param rtpmap         encoding name/clock rate by payload type, e.g. {@code 101 -> telephone-event/8000}
 * @param direction      media-level direction attribute, else session-level, else sendrecv
 */
public record SdpOffer(String address, int port, List<Integer> payloadTypes, Map<Integer, String> rtpmap,
        Direction direction) {

    public SdpOffer {
        payloadTypes = List.copyOf(payloadTypes);
        rtpmap = Map.copyOf(rtpmap);
    }

    /** Legacy hold (RFC 3264 §8.4): c= 0.0.0.0 means "do not send to me". */
    public boolean legacyHold() {
        return "0.0.0.0".equals(address);
    }
}
