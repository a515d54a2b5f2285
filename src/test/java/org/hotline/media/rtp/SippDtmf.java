package org.hotline.media.rtp;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;

/**
 * RTP packets captured in SIPp's RFC 2833/4733 DTMF pcaps (/usr/share/sip-tester/dtmf_2833_*.pcap,
 * payload type 101): per key press a start packet with the marker bit and duration 0, six updates
 * every 20 ms (+320 each), and the end packet (E bit, duration 2240) sent three times, all with
 * the same RTP timestamp. Extracted with {@code tshark -r FILE -T fields -e udp.payload}.
 */
final class SippDtmf {

    static final int PAYLOAD_TYPE = 101;

    /** dtmf_2833_1.pcap: key '1', timestamp 0x33e0. */
    static final List<String> KEY_1 = List.of(
            "80e51f30000033e00e05384e010a0000",
            "80651f31000033e00e05384e010a0140",
            "80651f32000033e00e05384e010a0280",
            "80651f33000033e00e05384e010a03c0",
            "80651f34000033e00e05384e010a0500",
            "80651f35000033e00e05384e010a0640",
            "80651f36000033e00e05384e010a0780",
            "80651f37000033e00e05384e018a08c0",
            "80651f37000033e00e05384e018a08c0",
            "80651f37000033e00e05384e018a08c0");

    /** dtmf_2833_pound.pcap: key '#', timestamp 0x169e0. */
    static final List<String> KEY_POUND = List.of(
            "80e520f4000169e00e05384e0b0a0000",
            "806520f5000169e00e05384e0b0a0140",
            "806520f6000169e00e05384e0b0a0280",
            "806520f7000169e00e05384e0b0a03c0",
            "806520f8000169e00e05384e0b0a0500",
            "806520f9000169e00e05384e0b0a0640",
            "806520fa000169e00e05384e0b0a0780",
            "806520fb000169e00e05384e0b8a08c0",
            "806520fb000169e00e05384e0b8a08c0",
            "806520fb000169e00e05384e0b8a08c0");

    /** dtmf_2833_star.pcap: key '*', timestamp 0x14f00. */
    static final List<String> KEY_STAR = List.of(
            "80e520cd00014f000e05384e0a0a0000",
            "806520ce00014f000e05384e0a0a0140",
            "806520cf00014f000e05384e0a0a0280",
            "806520d000014f000e05384e0a0a03c0",
            "806520d100014f000e05384e0a0a0500",
            "806520d200014f000e05384e0a0a0640",
            "806520d300014f000e05384e0a0a0780",
            "806520d400014f000e05384e0a8a08c0",
            "806520d400014f000e05384e0a8a08c0",
            "806520d400014f000e05384e0a8a08c0");

    private SippDtmf() {
    }

    static byte[] bytes(String hex) {
        return ByteBufUtil.decodeHexDump(hex);
    }

    static RtpPacket packet(String hex) {
        try {
            return RtpPacketDecoder.parse(Unpooled.wrappedBuffer(bytes(hex)));
        } catch (MalformedRtpPacketException e) {
            throw new AssertionError(hex, e);
        }
    }

    /**
     * The same press moved to another RTP timestamp and sequence range, as the next press of the
     * same key would be sent.
     */
    static List<String> shifted(List<String> press, long timestampDelta, int sequenceDelta) {
        return press.stream().map(hex -> {
            byte[] b = bytes(hex);
            int seq = (((b[2] & 0xFF) << 8) | (b[3] & 0xFF)) + sequenceDelta;
            long ts = (((b[4] & 0xFFL) << 24) | ((b[5] & 0xFF) << 16) | ((b[6] & 0xFF) << 8) | (b[7] & 0xFF))
                    + timestampDelta;
            byte[] out = Arrays.copyOf(b, b.length);
            out[2] = (byte) (seq >> 8);
            out[3] = (byte) seq;
            out[4] = (byte) (ts >> 24);
            out[5] = (byte) (ts >> 16);
            out[6] = (byte) (ts >> 8);
            out[7] = (byte) ts;
            return ByteBufUtil.hexDump(out);
        }).toList();
    }
}
