package org.hotline.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * The one format of a recording: RIFF/WAVE, PCM, 2 channels (caller left, agent right), 8000 Hz,
 * 16-bit little-endian, with the canonical 44-byte header whose two sizes (RIFF chunk at byte 4,
 * data chunk at byte 40) are the only bytes ever rewritten. Stateless.
 */
final class WavFormat {

    static final int SAMPLE_RATE_HZ = 8000;
    static final int CHANNELS = 2;
    static final int BYTES_PER_SAMPLE = 2;
    /** One stereo sample frame: left then right. */
    static final int FRAME_BYTES = CHANNELS * BYTES_PER_SAMPLE;
    static final int HEADER_BYTES = 44;
    static final int RIFF_SIZE_OFFSET = 4;
    static final int DATA_SIZE_OFFSET = 40;
    /** The data chunk's size is a 32-bit field: about 37 hours at this rate. */
    static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - (HEADER_BYTES - 8);
    private static final long NANOS_PER_FRAME = 1_000_000_000L / SAMPLE_RATE_HZ;

    private WavFormat() {
    }

    /** The whole header for {@code dataBytes} of samples. */
    static ByteBuffer header(long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) riffSize(dataBytes)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) CHANNELS).putInt(SAMPLE_RATE_HZ)
                .putInt(SAMPLE_RATE_HZ * FRAME_BYTES).putShort((short) FRAME_BYTES).putShort((short) (8 * BYTES_PER_SAMPLE));
        b.put(ascii("data")).putInt((int) dataBytes);
        return b.flip();
    }

    /** A 4-byte little-endian size field. */
    static ByteBuffer size(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).flip();
    }

    static long riffSize(long dataBytes) {
        return dataBytes + HEADER_BYTES - 8;
    }

    /** The largest whole number of frames' bytes in {@code bytes}. */
    static long wholeFrames(long bytes) {
        return bytes - bytes % FRAME_BYTES;
    }

    static Duration length(long frames) {
        return Duration.ofNanos(frames * NANOS_PER_FRAME);
    }

    /** Whole frames in {@code nanos} (floor). */
    static long frames(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_FRAME);
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
