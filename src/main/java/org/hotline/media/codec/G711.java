package org.hotline.media.codec;

import java.util.Arrays;
import org.hotline.media.Codec;

/**
 * G.711 companding (ITU-T G.711) between 16-bit linear samples and µ-law (PCMU) or A-law (PCMA)
 * bytes, bit-exact with the classic Sun reference algorithm that libraries such as CPython's
 * {@code audioop} use: µ-law on the top 14 bits, A-law on the top 13 bits, magnitudes above the
 * top segment clipped. All four directions go through lookup tables built once at class load and
 * never written afterwards, so the class is stateless and safe from any thread.
 */
public final class G711 {

    /** Samples per 20 ms frame at 8 kHz: the frame size of everything Hotline sends. */
    public static final int SAMPLES_PER_FRAME = 160;

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP_14BIT = 8159;
    private static final int[] ULAW_SEGMENT_ENDS = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    private static final int[] ALAW_SEGMENT_ENDS = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    /** Indexed by the 14-bit sample + 8192. */
    private static final byte[] ULAW_ENCODE = buildUlawEncodeTable();
    /** Indexed by the 13-bit sample + 4096. */
    private static final byte[] ALAW_ENCODE = buildAlawEncodeTable();
    private static final short[] ULAW_DECODE = buildDecodeTable(Codec.PCMU);
    private static final short[] ALAW_DECODE = buildDecodeTable(Codec.PCMA);
    private static final byte[] ULAW_TO_ALAW = buildTranscodeTable(Codec.PCMU, Codec.PCMA);
    private static final byte[] ALAW_TO_ULAW = buildTranscodeTable(Codec.PCMA, Codec.PCMU);

    private G711() {
    }

    public static byte encode(Codec codec, short sample) {
        return switch (codec) {
            case PCMU -> ULAW_ENCODE[(sample >> 2) + 8192];
            case PCMA -> ALAW_ENCODE[(sample >> 3) + 4096];
        };
    }

    public static short decode(Codec codec, byte code) {
        return switch (codec) {
            case PCMU -> ULAW_DECODE[code & 0xFF];
            case PCMA -> ALAW_DECODE[code & 0xFF];
        };
    }

    /** Encodes {@code length} samples starting at {@code offset} into a new array. */
    public static byte[] encode(Codec codec, short[] samples, int offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = encode(codec, samples[offset + i]);
        }
        return out;
    }

    public static short[] decode(Codec codec, byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = decode(codec, codes[i]);
        }
        return out;
    }

    /**
     * The same audio in the other law, code by code exactly as {@code encode(to, decode(from, code))}
     * (for relaying between a PCMU and a PCMA peer); {@code codes} itself when the laws are equal.
     */
    public static byte[] transcode(Codec from, Codec to, byte[] codes) {
        if (from == to) {
            return codes;
        }
        byte[] table = from == Codec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
        byte[] out = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = table[codes[i] & 0xFF];
        }
        return out;
    }

    /** The code of linear 0 (µ-law 0xFF, A-law 0xD5), the byte silence frames are made of. */
    public static byte silence(Codec codec) {
        return encode(codec, (short) 0);
    }

    /** A new 20 ms frame of silence. */
    public static byte[] silenceFrame(Codec codec) {
        byte[] frame = new byte[SAMPLES_PER_FRAME];
        Arrays.fill(frame, silence(codec));
        return frame;
    }

    private static byte[] buildUlawEncodeTable() {
        byte[] table = new byte[16384];
        for (int sample14 = -8192; sample14 < 8192; sample14++) {
            table[sample14 + 8192] = (byte) ulawFrom14Bit(sample14);
        }
        return table;
    }

    private static int ulawFrom14Bit(int sample14) {
        int magnitude = Math.abs(sample14);
        int mask = sample14 < 0 ? 0x7F : 0xFF;
        magnitude = Math.min(magnitude, ULAW_CLIP_14BIT) + (ULAW_BIAS >> 2);
        int segment = segment(magnitude, ULAW_SEGMENT_ENDS);
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        return ((segment << 4) | ((magnitude >> (segment + 1)) & 0x0F)) ^ mask;
    }

    private static byte[] buildAlawEncodeTable() {
        byte[] table = new byte[8192];
        for (int sample13 = -4096; sample13 < 4096; sample13++) {
            table[sample13 + 4096] = (byte) alawFrom13Bit(sample13);
        }
        return table;
    }

    private static int alawFrom13Bit(int sample13) {
        int mask = sample13 >= 0 ? 0xD5 : 0x55;
        int magnitude = sample13 >= 0 ? sample13 : -sample13 - 1;
        int segment = segment(magnitude, ALAW_SEGMENT_ENDS);
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        int shift = segment < 2 ? 1 : segment;
        return ((segment << 4) | ((magnitude >> shift) & 0x0F)) ^ mask;
    }

    private static int segment(int magnitude, int[] segmentEnds) {
        for (int i = 0; i < segmentEnds.length; i++) {
            if (magnitude <= segmentEnds[i]) {
                return i;
            }
        }
        return segmentEnds.length;
    }

    private static byte[] buildTranscodeTable(Codec from, Codec to) {
        byte[] table = new byte[256];
        for (int code = 0; code < 256; code++) {
            table[code] = encode(to, decode(from, (byte) code));
        }
        return table;
    }

    private static short[] buildDecodeTable(Codec codec) {
        short[] table = new short[256];
        for (int code = 0; code < 256; code++) {
            table[code] = (short) (codec == Codec.PCMU ? ulawToLinear(code) : alawToLinear(code));
        }
        return table;
    }

    private static int ulawToLinear(int code) {
        int inverted = ~code & 0xFF;
        int magnitude = (((inverted & 0x0F) << 3) + ULAW_BIAS) << ((inverted & 0x70) >> 4);
        return (inverted & 0x80) != 0 ? ULAW_BIAS - magnitude : magnitude - ULAW_BIAS;
    }

    private static int alawToLinear(int code) {
        int toggled = code ^ 0x55;
        int magnitude = (toggled & 0x0F) << 4;
        int segment = (toggled & 0x70) >> 4;
        magnitude += switch (segment) {
            case 0 -> 8;
            default -> 0x108;
        };
        if (segment > 1) {
            magnitude <<= segment - 1;
        }
        return (toggled & 0x80) != 0 ? magnitude : -magnitude;
    }
}
