package org.hotline.media.rtp;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.hotline.media.Codec;
import org.hotline.media.codec.G711;

/**
 * A phone's outgoing RTP stream for relay tests: a sine tone in 20 ms G.711 packets, frame n at
 * sequence {@code firstSeq + n} and timestamp {@code firstTimestamp + 160 n}, marker on frame 0.
 */
record Tone(Codec codec, double frequencyHz, long ssrc, int firstSeq, long firstTimestamp) {

    private static final int AMPLITUDE = 8000;

    RtpPacket packet(int frame) {
        short[] samples = new short[G711.SAMPLES_PER_FRAME];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = sample(frame * G711.SAMPLES_PER_FRAME + i);
        }
        return new RtpPacket(frame == 0, codec.payloadType(), (firstSeq + frame) & 0xFFFF,
                (firstTimestamp + 160L * frame) & 0xFFFF_FFFFL, ssrc, G711.encode(codec, samples, 0, samples.length));
    }

    /** The tone's first {@code frames} frames as linear samples. */
    short[] samples(int frames) {
        short[] samples = new short[frames * G711.SAMPLES_PER_FRAME];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = sample(i);
        }
        return samples;
    }

    private short sample(int index) {
        return (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * frequencyHz * index / 8000.0));
    }

    byte[] datagram(int frame) {
        return bytes(packet(frame));
    }

    static byte[] bytes(RtpPacket packet) {
        var buf = Unpooled.buffer();
        RtpPacketEncoder.write(packet, buf);
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        return bytes;
    }

    /** Whether the packet is one of a session's own silence frames. */
    static boolean isSilence(RtpPacket packet) {
        byte silence = G711.silence(packet.payloadType() == Codec.PCMA.payloadType() ? Codec.PCMA : Codec.PCMU);
        for (byte b : packet.payload()) {
            if (b != silence) {
                return false;
            }
        }
        return true;
    }
}
