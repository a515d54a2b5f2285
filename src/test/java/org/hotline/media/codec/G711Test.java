package org.hotline.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.zip.CRC32;
import org.hotline.media.Codec;
import org.junit.jupiter.api.Test;

/**
 * Reference values and table checksums were produced with CPython's {@code audioop}
 * (lin2ulaw/lin2alaw/ulaw2lin/alaw2lin), an independent implementation of the same algorithm.
 */
class G711Test {

    @Test
    void encodesZeroAsTheWellKnownSilenceBytes() {
        assertEquals((byte) 0xFF, G711.encode(Codec.PCMU, (short) 0));
        assertEquals((byte) 0xD5, G711.encode(Codec.PCMA, (short) 0));
        assertEquals((byte) 0xFF, G711.silence(Codec.PCMU));
        assertEquals((byte) 0xD5, G711.silence(Codec.PCMA));
    }

    @Test
    void decodesSilenceBytesToZeroOrTheSmallestALawStep() {
        assertEquals(0, G711.decode(Codec.PCMU, (byte) 0xFF));
        assertEquals(0, G711.decode(Codec.PCMU, (byte) 0x7F));
        assertEquals(8, G711.decode(Codec.PCMA, (byte) 0xD5));
        assertEquals(-8, G711.decode(Codec.PCMA, (byte) 0x55));
    }

    @Test
    void encodesKnownSamplesToReferenceCodes() {
        int[][] cases = {
            // sample, µ-law, A-law
            {-1, 0x7E, 0x55}, {1, 0xFF, 0xD5}, {100, 0xF2, 0xD3}, {-100, 0x72, 0x53},
            {1000, 0xCE, 0xFA}, {-1000, 0x4E, 0x7A}, {8000, 0xA0, 0x8A}, {30000, 0x82, 0xA8},
        };
        for (int[] c : cases) {
            assertEquals((byte) c[1], G711.encode(Codec.PCMU, (short) c[0]), "µ-law of " + c[0]);
            assertEquals((byte) c[2], G711.encode(Codec.PCMA, (short) c[0]), "A-law of " + c[0]);
        }
    }

    @Test
    void decodesSegmentEndsToReferenceSamples() {
        assertEquals(-32124, G711.decode(Codec.PCMU, (byte) 0x00));
        assertEquals(32124, G711.decode(Codec.PCMU, (byte) 0x80));
        assertEquals(-16764, G711.decode(Codec.PCMU, (byte) 0x0F));
        assertEquals(120, G711.decode(Codec.PCMU, (byte) 0xF0));
        assertEquals(-32256, G711.decode(Codec.PCMA, (byte) 0x2A));
        assertEquals(32256, G711.decode(Codec.PCMA, (byte) 0xAA));
        assertEquals(5504, G711.decode(Codec.PCMA, (byte) 0x80));
        assertEquals(-848, G711.decode(Codec.PCMA, (byte) 0x7F));
    }

    @Test
    void transcodesEveryCodeAsDecodingThenEncodingWould() {
        byte[] all = new byte[256];
        for (int code = 0; code < 256; code++) {
            all[code] = (byte) code;
        }
        byte[] toAlaw = G711.transcode(Codec.PCMU, Codec.PCMA, all);
        byte[] toUlaw = G711.transcode(Codec.PCMA, Codec.PCMU, all);
        for (int code = 0; code < 256; code++) {
            assertEquals(G711.encode(Codec.PCMA, G711.decode(Codec.PCMU, (byte) code)), toAlaw[code], "µ-law " + code);
            assertEquals(G711.encode(Codec.PCMU, G711.decode(Codec.PCMA, (byte) code)), toUlaw[code], "A-law " + code);
        }
        assertEquals(G711.silence(Codec.PCMA), G711.transcode(Codec.PCMU, Codec.PCMA, G711.silenceFrame(Codec.PCMU))[0]);
        assertSame(all, G711.transcode(Codec.PCMA, Codec.PCMA, all), "same law: nothing to do");
    }

    @Test
    void clipsBeyondTheTopSegment() {
        assertEquals((byte) 0x80, G711.encode(Codec.PCMU, Short.MAX_VALUE));
        assertEquals((byte) 0x00, G711.encode(Codec.PCMU, Short.MIN_VALUE));
        assertEquals((byte) 0xAA, G711.encode(Codec.PCMA, Short.MAX_VALUE));
        assertEquals((byte) 0x2A, G711.encode(Codec.PCMA, Short.MIN_VALUE));
    }

    @Test
    void encodeTablesMatchTheReferenceForEverySample() {
        assertEquals(0x3b7c3a3eL, encodeChecksum(Codec.PCMU));
        assertEquals(0x9133796eL, encodeChecksum(Codec.PCMA));
    }

    @Test
    void decodeTablesMatchTheReferenceForEveryCode() {
        assertEquals(0x0c847a9fL, decodeChecksum(Codec.PCMU));
        assertEquals(0x9d764657L, decodeChecksum(Codec.PCMA));
    }

    @Test
    void everyCodeSurvivesADecodeEncodeRoundTrip() {
        for (Codec codec : Codec.values()) {
            for (int code = 0; code < 256; code++) {
                if (codec == Codec.PCMU && code == 0x7F) {
                    continue; // µ-law has two zeros (0x7F and 0xFF); linear 0 encodes as 0xFF
                }
                byte b = (byte) code;
                assertEquals(b, G711.encode(codec, G711.decode(codec, b)), codec + " code " + code);
            }
        }
    }

    @Test
    void linearRoundTripStaysWithinTheQuantisationStep() {
        for (Codec codec : Codec.values()) {
            for (int sample = -32124; sample <= 32124; sample++) {
                int back = G711.decode(codec, G711.encode(codec, (short) sample));
                int tolerance = Math.abs(sample) / 16 + 8;
                assertTrue(Math.abs(back - sample) <= tolerance, codec + " sample " + sample + " -> " + back);
            }
        }
    }

    @Test
    void encodesAndDecodesWholeFrames() {
        short[] samples = {0, 100, -100, 1000};
        byte[] codes = G711.encode(Codec.PCMU, samples, 1, 3);
        assertEquals(3, codes.length);
        assertEquals((byte) 0xF2, codes[0]);
        short[] decoded = G711.decode(Codec.PCMU, codes);
        assertEquals(G711.decode(Codec.PCMU, (byte) 0x72), decoded[1]);
        byte[] silence = G711.silenceFrame(Codec.PCMA);
        assertEquals(G711.SAMPLES_PER_FRAME, silence.length);
        for (byte b : silence) {
            assertEquals((byte) 0xD5, b);
        }
    }

    private static long encodeChecksum(Codec codec) {
        CRC32 crc = new CRC32();
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            crc.update(G711.encode(codec, (short) sample));
        }
        return crc.getValue();
    }

    private static long decodeChecksum(Codec codec) {
        CRC32 crc = new CRC32();
        for (int code = 0; code < 256; code++) {
            short sample = G711.decode(codec, (byte) code);
            crc.update(sample & 0xFF);
            crc.update((sample >> 8) & 0xFF);
        }
        return crc.getValue();
    }
}
