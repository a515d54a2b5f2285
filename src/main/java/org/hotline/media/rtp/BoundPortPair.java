package org.hotline.media.rtp;

import java.nio.channels.DatagramChannel;

/**
 * An RTP port and the RTCP port above it, both already bound (RFC 3550 §11: RTP even, RTCP the
 * next odd port). The sockets belong to whoever holds the pair: the session wraps them in Netty
 * channels, or the allocator closes them if that fails.
 */
record BoundPortPair(int rtpPort, DatagramChannel rtp, DatagramChannel rtcp) {
}
