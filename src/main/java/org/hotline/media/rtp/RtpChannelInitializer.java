package org.hotline.media.rtp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * Assembles one call's two pipelines, the only place where they are put together.
 *
 * <pre>
 *  RTP port (even)                               RTCP port (odd)
 *  ---------------                               ---------------
 *  DatagramPacket in                             DatagramPacket in
 *     |                                             |
 *  RtpPacketDecoder          malformed: counted     RtcpDiscardHandler  counted, released
 *     | ReceivedRtpPacket                           (no RTCP is sent yet)
 *  SymmetricRtpHandler       latch / foreign: dropped (RFC 4961)
 *     |
 *  ReceptionStatisticsHandler loss, jitter (RFC 3550 A.1, A.8)
 *     |
 *  RelayTapHandler           codec and telephone-event PTs: also to the sessions relaying this
 *     |                      one (RelayFeed; each hops to its own loop and sends at once)
 *  TelephoneEventHandler     telephone-event PT: key presses to the digit sink (RFC 4733)
 *     |
 *  InboundAudioHandler       codec PT: audio sink (recording hook here); exceptions logged
 *
 *  RtpPacketEncoder          out: AddressedEnvelope&lt;RtpPacket&gt; to DatagramPacket, from
 *                            OutboundMedia: the media clock's frames, or relayed packets
 * </pre>
 *
 * <p>Threading: {@code initChannel} runs on the channel's event loop when it registers.
 */
final class RtpChannelInitializer extends ChannelInitializer<Channel> {

    private enum Port { RTP, RTCP }

    private final Port port;
    private final RtpSessionContext session;

    private RtpChannelInitializer(Port port, RtpSessionContext session) {
        this.port = port;
        this.session = session;
    }

    static RtpChannelInitializer forRtp(RtpSessionContext session) {
        return new RtpChannelInitializer(Port.RTP, session);
    }

    static RtpChannelInitializer forRtcp(RtpSessionContext session) {
        return new RtpChannelInitializer(Port.RTCP, session);
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        String callId = session.callId();
        RtpCounters counters = session.counters();
        switch (port) {
            case RTP -> pipeline
                    .addLast("rtpEncoder", new RtpPacketEncoder())
                    .addLast("rtpDecoder", new RtpPacketDecoder(callId, counters))
                    .addLast("symmetricRtp", new SymmetricRtpHandler(callId, session.peer(), counters))
                    .addLast("receptionStatistics",
                            new ReceptionStatisticsHandler(session.peer(), counters, session.reception()))
                    .addLast("relayTap", new RelayTapHandler(session.peer(), session.relay()))
                    .addLast("telephoneEvents",
                            new TelephoneEventHandler(callId, session.peer(), counters, session.digits()))
                    .addLast("inboundAudio",
                            new InboundAudioHandler(callId, session.peer(), counters, session.audio()));
            case RTCP -> pipeline.addLast("rtcpDiscard", new RtcpDiscardHandler(callId, counters));
        }
    }
}
