/**
 * RTP media on Netty for the standalone SIP front (issue 2) and the ACD's bridge (issue 3).
 *
 * <p>{@link org.hotline.media.rtp.RtpEngine} owns one NIO event loop group and the port range;
 * each call's {@link org.hotline.media.rtp.RtpSession} owns a bound RTP/RTCP port pair whose two
 * channels are registered on one loop of that group.
 *
 * <p>A session sends either its own stream ({@code OutboundMedia}: the
 * 20 ms media clock with the playout or silence) or, for the B2BUA's bridge, the packets another
 * session receives ({@code relayFrom}): tapped after the source's symmetric-RTP latch
 * ({@code RelayTapHandler}), sent at once, without a jitter buffer, under
 * the target's SSRC, sequence and timestamps ({@code RelayStamper}).
 *
 * <p>Threading: everything a session holds that changes (peer address, outbound stream, playout,
 * media clock, relay state, DTMF detector, statistics trackers) is touched only by its event
 * loop. The session's public methods post tasks to that loop and return at once; digit and audio
 * listeners and play futures are called on the loop and must hand off rather than block. A
 * relayed packet crosses loops once: the source's loop hands the immutable packet to the
 * target's loop with {@code execute} (a direct call when both sessions share a loop); relay
 * set-up and tear-down messages take the same hops, the target first. Counters and statistics
 * (relay delay included) are published for reading from any thread; the engine adds up every
 * session's, closed ones included, as {@link org.hotline.media.rtp.RtpTotals}. The port allocator is
 * locked briefly and binds sockets in the calling thread.
 *
 * <p>Buffers: an inbound datagram is owned by {@link org.hotline.media.rtp.RtpPacketDecoder} (or
 * the RTCP handler), which copies what it needs and releases it; an outbound buffer is allocated
 * by {@link org.hotline.media.rtp.RtpPacketEncoder} and released by the transport. No
 * {@code ByteBuf} leaves the pipeline: {@link org.hotline.media.rtp.RtpPacket} holds a byte array,
 * which is also what a relayed packet carries to the target session, whose encoder allocates its
 * own outbound buffer.
 */
package org.hotline.media.rtp;
