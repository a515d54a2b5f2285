package org.hotline.media.rtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last inbound step: packets of the negotiated codec go to the audio sink (the hook for relay and
 * recording); anything else left (comfort noise, unknown payload types, audio before the SDP is
 * known) is counted and dropped. Also the pipeline's exception sink: nothing reaching it is lost
 * without a log line carrying the call id.
 *
 * <p>Threading: runs on the channel's event loop only; the sink is called there too.
 */
final class InboundAudioHandler extends SimpleChannelInboundHandler<ReceivedRtpPacket> {

    private static final Logger log = LoggerFactory.getLogger(InboundAudioHandler.class);

    private final String callId;
    private final RemotePeer peer;
    private final RtpCounters counters;
    private final Consumer<RtpPacket> audio;

    InboundAudioHandler(String callId, RemotePeer peer, RtpCounters counters, Consumer<RtpPacket> audio) {
        this.callId = callId;
        this.peer = peer;
        this.counters = counters;
        this.audio = audio;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedRtpPacket received) {
        if (peer.isAudio(received.packet().payloadType())) {
            audio.accept(received.packet());
        } else {
            counters.unexpectedPayloadTypeDropped();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.atWarn().addKeyValue("callId", callId).setCause(cause).log("error in the RTP pipeline");
    }
}
