package org.hotline.media.rtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * Hands every packet of the negotiated codec or telephone-event payload type to the sessions
 * relaying this one ({@link RelayFeed}), then passes it on unchanged: the digit detector and the
 * audio sink after it still see everything. Other payload types are not relayed.
 *
 * <p>Threading: runs on the channel's event loop only.
 */
final class RelayTapHandler extends SimpleChannelInboundHandler<ReceivedRtpPacket> {

    private final RemotePeer peer;
    private final RelayFeed feed;

    RelayTapHandler(RemotePeer peer, RelayFeed feed) {
        this.peer = peer;
        this.feed = feed;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedRtpPacket received) {
        if (!feed.isEmpty()) {
            RtpPacket packet = received.packet();
            if (peer.isAudio(packet.payloadType())) {
                feed.forward(packet, peer.codec(), received.arrivalNanos());
            } else if (peer.isTelephoneEvent(packet.payloadType())) {
                feed.forward(packet, null, received.arrivalNanos());
            }
        }
        ctx.fireChannelRead(received);
    }
}
