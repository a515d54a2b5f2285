package org.hotline.media.rtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * Counts each packet from the latched peer into the reception statistics (RFC 3550 §A.1, §A.8)
 * and passes it on.
 *
 * <p>Threading: runs on the channel's event loop only.
 */
final class ReceptionStatisticsHandler extends SimpleChannelInboundHandler<ReceivedRtpPacket> {

    private final RemotePeer peer;
    private final RtpCounters counters;
    private final ReceptionStatistics statistics;

    ReceptionStatisticsHandler(RemotePeer peer, RtpCounters counters, ReceptionStatistics statistics) {
        this.peer = peer;
        this.counters = counters;
        this.statistics = statistics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedRtpPacket received) {
        RtpPacket packet = received.packet();
        counters.packetReceived();
        statistics.onPacket(packet, received.arrivalNanos(), peer.isAudio(packet.payloadType()));
        ctx.fireChannelRead(received);
    }
}
