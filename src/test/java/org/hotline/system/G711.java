package org.hotline.system;

/**
 * ITU-T G.711 µ-law and A-law for the test side (decoding captured RTP, encoding pcaps for SIPp), kept
 * apart from the server's codec so a bug there cannot hide in both. Stateless.
 */
final class G711 {

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;

    private G711() {
    }

    static short ulawToLinear(byte encoded) {
        int u = ~encoded & 0xff;
        int t = ((u & 0x0f) << 3) + ULAW_BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS);
    }

    static byte linearToUlaw(short sample) {
        int pcm = sample;
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        pcm = Math.min(pcm, ULAW_CLIP) + ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static short alawToLinear(byte encoded) {
        int a = (encoded ^ 0x55) & 0xff;
        int t = (a & 0x0f) << 4;
        int segment = (a & 0x70) >> 4;
        t = switch (segment) {
            case 0 -> t + 8;
            case 1 -> t + 0x108;
            default -> (t + 0x108) << (segment - 1);
        };
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
