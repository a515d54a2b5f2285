package org.hotline.media.rtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the packets of the negotiated telephone-event payload type out of the stream and reports
 * each key press once (RFC 4733, see {@link TelephoneEventDetector}) to the digit sink; other
 * packets pass on.
 *
 * <p>Threading: runs on the channel's event loop only; the sink is called there too.
 */
final class TelephoneEventHandler extends SimpleChannelInboundHandler<ReceivedRtpPacket> {

    private static final Logger log = LoggerFactory.getLogger(TelephoneEventHandler.class);

    private final String callId;
    private final RemotePeer peer;
    private final RtpCounters counters;
    private final TelephoneEventDetector detector = new TelephoneEventDetector();
    private final Consumer<Character> digits;

    TelephoneEventHandler(String callId, RemotePeer peer, RtpCounters counters, Consumer<Character> digits) {
        this.callId = callId;
        this.peer = peer;
        this.counters = counters;
        this.digits = digits;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedRtpPacket received) {
        RtpPacket packet = received.packet();
        if (!peer.isTelephoneEvent(packet.payloadType())) {
            ctx.fireChannelRead(received);
            return;
        }
        TelephoneEvent.parse(packet.payload()).ifPresentOrElse(
                event -> detector.onPacket(packet.timestamp(), event).ifPresent(this::report),
                counters::malformedDropped);
    }

    private void report(char digit) {
        log.atDebug().addKeyValue("callId", callId).addKeyValue("digit", digit).log("RFC 4733 key press");
        digits.accept(digit);
    }
}
