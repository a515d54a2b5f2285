package org.hotline.sip.sdp;

/**
 * What we advertise in our SDP: the address and RTP port of the call's media session, and the
 * o= line's session id and version (RFC 4566 §5.2; the version grows with every new SDP of the
 * session, RFC 3264 §8).
 */
public record LocalMedia(String address, int port, long sessionId, long sessionVersion) {
}
