/**
 * RTP media on Netty for the standalone SIP front (issue 2).
 *
 * <p>{@link org.hotline.media.rtp.RtpEngine} owns one NIO event loop group and the port range;
 * each call's {@link org.hotline.media.rtp.RtpSession} owns a bound RTP/RTCP port pair whose two
 * channels are registered on one loop of that group.
 *
 * <p>Threading: everything a session holds that changes (peer address, outbound stream, playout,
 * media clock, DTMF detector, statistics trackers) is touched only by its event loop. The
 * session's public methods post tasks to that loop and return at once; digit and audio listeners
 * and play futures are called on the loop and must hand off rather than block. Counters and
 * statistics are published for reading from any thread. The port allocator is locked briefly
 * and binds sockets in the calling thread.
 *
 * <p>Buffers: an inbound datagram is owned by {@link org.hotline.media.rtp.RtpPacketDecoder} (or
 * the RTCP handler), which copies what it needs and releases it; an outbound buffer is allocated
 * by {@link org.hotline.media.rtp.RtpPacketEncoder} and released by the transport. No
 * {@code ByteBuf} leaves the pipeline: {@link org.hotline.media.rtp.RtpPacket} holds a byte array.
 */
package org.hotline.media.rtp;
