package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values from ITU-T G.711 tables (also what sox's "ul"/"al" formats produce). */
class G711Test {

    @Test
    void decodesUlawReferenceCodes() {
        assertEquals(0, G711.ulawToLinear((byte) 0xff));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-8, G711.ulawToLinear((byte) 0x7e));
    }

    @Test
    void decodesAlawReferenceCodes() {
        assertEquals(-8, G711.alawToLinear((byte) 0x55));
        assertEquals(8, G711.alawToLinear((byte) 0xd5));
        assertEquals(-32256, G711.alawToLinear((byte) 0x2a));
        assertEquals(32256, G711.alawToLinear((byte) 0xaa));
    }

    @Test
    void ulawRoundTripStaysWithinHalfAQuantisationStep() {
        for (int sample = -32768; sample <= 32767; sample += 7) {
            int decoded = G711.ulawToLinear(G711.linearToUlaw((short) sample));
            int magnitude = Math.min(Math.abs(sample), 32635);
            int step = Math.max(2, Integer.highestOneBit(magnitude + 0x84) >> 4);
            assertTrue(Math.abs(decoded - Math.signum(sample) * magnitude) <= step,
                    sample + " came back as " + decoded);
        }
    }

    @Test
    void encodesEveryCodeBackToItself() {
        for (int code = 0; code < 256; code++) {
            if (code == 0x7f) {
                continue; // negative zero decodes to 0, which encodes as positive zero 0xff
            }
            assertEquals((byte) code, G711.linearToUlaw(G711.ulawToLinear((byte) code)), "code " + Integer.toHexString(code));
        }
    }
}
