package org.hotline.media.rtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Symmetric RTP (RFC 4961): latches the call's peer to the source of the first valid packet and
 * drops (counting) packets from any other source afterwards.
 *
 * <p>Threading: runs on the channel's event loop only.
 */
final class SymmetricRtpHandler extends SimpleChannelInboundHandler<ReceivedRtpPacket> {

    private static final Logger log = LoggerFactory.getLogger(SymmetricRtpHandler.class);

    private final String callId;
    private final RemotePeer peer;
    private final RtpCounters counters;

    SymmetricRtpHandler(String callId, RemotePeer peer, RtpCounters counters) {
        this.callId = callId;
        this.peer = peer;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedRtpPacket received) {
        boolean wasLatched = peer.isLatched();
        if (!peer.acceptSource(received.sender())) {
            counters.foreignSourceDropped();
            log.atDebug().addKeyValue("callId", callId).addKeyValue("sender", received.sender())
                    .log("dropped RTP from a source other than the latched one");
            return;
        }
        if (!wasLatched) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("source", received.sender())
                    .log("symmetric RTP latched to the peer's source");
        }
        ctx.fireChannelRead(received);
    }
}
