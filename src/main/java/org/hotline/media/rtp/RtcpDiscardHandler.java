package org.hotline.media.rtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole RTCP pipeline for now: counts each datagram on the RTCP port and releases it
 * ({@link SimpleChannelInboundHandler} does). Hotline does not send RTCP yet.
 *
 * <p>Threading: runs on the channel's event loop only.
 */
final class RtcpDiscardHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(RtcpDiscardHandler.class);

    private final String callId;
    private final RtpCounters counters;

    RtcpDiscardHandler(String callId, RtpCounters counters) {
        this.callId = callId;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
        counters.rtcpPacketReceived();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.atWarn().addKeyValue("callId", callId).setCause(cause).log("error on the RTCP channel");
    }
}
