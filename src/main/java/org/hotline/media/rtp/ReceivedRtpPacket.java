package org.hotline.media.rtp;

import java.net.InetSocketAddress;

/**
 * An inbound RTP packet with where it came from (for symmetric RTP) and when it arrived, on the
 * {@code System.nanoTime()} scale (for RFC 3550 §A.8 jitter).
 */
public record ReceivedRtpPacket(RtpPacket packet, InetSocketAddress sender, long arrivalNanos) {
}
