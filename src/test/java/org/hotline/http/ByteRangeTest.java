package org.hotline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 9110 §14.1.2 byte ranges as a browser's audio player sends them when seeking. */
class ByteRangeTest {

    private static ByteRange.Request parse(String header) {
        return ByteRange.parse(Optional.ofNullable(header), 1000);
    }

    @Test
    void readsTheFormsOfASingleRange() {
        assertEquals(new ByteRange.Request.Part(new ByteRange(0, 99)), parse("bytes=0-99"));
        assertEquals(new ByteRange.Request.Part(new ByteRange(500, 999)), parse("bytes=500-"));
        assertEquals(new ByteRange.Request.Part(new ByteRange(900, 999)), parse("bytes=-100"));
        assertEquals(new ByteRange.Request.Part(new ByteRange(990, 999)), parse("bytes=990-5000"), "the end is clipped to the file");
        assertEquals(new ByteRange.Request.Part(new ByteRange(0, 999)), parse("bytes=-5000"));
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
    }

    @Test
    void sendsTheWholeFileForWhatItDoesNotServe() {
        assertEquals(new ByteRange.Request.Whole(), parse(null));
        assertEquals(new ByteRange.Request.Whole(), parse("bytes=0-9,20-29"), "several ranges: the whole file (§14.2)");
        assertEquals(new ByteRange.Request.Whole(), parse("items=0-9"));
        assertEquals(new ByteRange.Request.Whole(), parse("bytes=9-0"));
        assertEquals(new ByteRange.Request.Whole(), parse("bytes=-"));
        assertEquals(new ByteRange.Request.Whole(), parse("bytes=99999999999999999999-"));
    }

    @Test
    void refusesARangeOutsideTheFile() {
        assertEquals(new ByteRange.Request.Unsatisfiable(), parse("bytes=1000-"));
        assertEquals(new ByteRange.Request.Unsatisfiable(), parse("bytes=-0"));
    }
}
