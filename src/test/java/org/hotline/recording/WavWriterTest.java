package org.hotline.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAV is valid at every moment a crash could hit: after each step of writing, and in the middle
 * of each step (a torn append, a size update half done), a player parses it and never finds more
 * samples declared than the file holds; repair then recovers every whole frame.
 */
class WavWriterTest {

    private static final int CHUNK_FRAMES = 37;
    private static final int CHUNKS = 12;

    @TempDir
    Path dir;

    @Test
    void everyStateWhileWritingIsAValidWavThatDeclaresNoMoreThanItHolds() throws IOException {
        Path file = dir.resolve("r.wav");
        List<byte[]> states = new ArrayList<>();
        try (WavWriter wav = WavWriter.create(file)) {
            states.add(Files.readAllBytes(file));
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                wav.append(frames(chunk * CHUNK_FRAMES, CHUNK_FRAMES));
                states.add(Files.readAllBytes(file));
                if (chunk % 3 == 2) {
                    byte[] before = Files.readAllBytes(file);
                    wav.updateSizes();
                    byte[] after = Files.readAllBytes(file);
                    states.add(halfUpdated(before, after));
                    states.add(after);
                }
            }
        }
        states.add(Files.readAllBytes(file));

        for (int i = 0; i < states.size(); i++) {
            byte[] state = states.get(i);
            assertValid(state, "state " + i);
            if (i > 0) {
                for (int cut = states.get(i - 1).length; cut < state.length; cut += 5) {
                    assertValid(Arrays.copyOf(state, cut), "append torn at byte " + cut + " of state " + i);
                }
            }
        }
    }

    @Test
    void closeDeclaresEveryFrameAndAPlayerReadsThemBackUnchanged() throws IOException {
        Path file = dir.resolve("r.wav");
        try (WavWriter wav = WavWriter.create(file)) {
            wav.append(frames(0, 1000));
        }

        StereoWav read = StereoWav.read(file);

        assertEquals(1000, read.frames());
        assertEquals(WavFormat.HEADER_BYTES + 4000, Files.size(file));
        assertArrayEquals(left(0, 1000), read.left());
        assertArrayEquals(right(0, 1000), read.right());
    }

    @Test
    void aCrashAtAnyLengthIsRepairedToEveryWholeFrameThatReachedTheFile() throws IOException {
        Path original = dir.resolve("full.wav");
        try (WavWriter wav = WavWriter.create(original)) {
            wav.append(frames(0, 100));
            wav.updateSizes();
            wav.append(frames(100, 100));
        }
        byte[] full = Files.readAllBytes(original);
        for (int length = 0; length <= full.length; length += length < 60 ? 1 : 7) {
            Path crashed = dir.resolve("crashed-" + length + ".wav");
            Files.write(crashed, Arrays.copyOf(full, length));

            long frames = WavRepair.repair(crashed);

            long expected = Math.max(0, (length - WavFormat.HEADER_BYTES) / 4);
            assertEquals(expected, frames, "frames recovered from " + length + " bytes");
            StereoWav read = StereoWav.read(crashed);
            assertEquals(expected, read.frames());
            assertArrayEquals(left(0, (int) expected), read.left(), "left after a crash at " + length);
            assertArrayEquals(right(0, (int) expected), read.right(), "right after a crash at " + length);
        }
    }

    @Test
    void appendRefusesPartialFrames() throws IOException {
        try (WavWriter wav = WavWriter.create(dir.resolve("r.wav"))) {
            assertThrows(IllegalArgumentException.class, () -> wav.append(ByteBuffer.allocate(6)));
        }
    }

    @Test
    void sha256IsTheStandardDigestOfTheWholeFile() throws Exception {
        Path file = dir.resolve("abc.bin");
        Files.writeString(file, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of(file)); // FIPS 180-2 B.1
        Path large = dir.resolve("large.bin");
        byte[] bytes = new byte[200_000];
        Arrays.fill(bytes, (byte) 7);
        Files.write(large, bytes);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(expected, Sha256.of(large), "streamed over several buffers");
    }

    /** The state after the data size was written but before the RIFF size (the two writes of updateSizes). */
    private static byte[] halfUpdated(byte[] before, byte[] after) {
        byte[] half = before.clone();
        System.arraycopy(after, WavFormat.DATA_SIZE_OFFSET, half, WavFormat.DATA_SIZE_OFFSET, 4);
        return half;
    }

    private static void assertValid(byte[] state, String what) {
        StereoWav read = StereoWav.read(state);
        long held = Math.max(0, (state.length - WavFormat.HEADER_BYTES) / 4);
        assertTrue(read.frames() <= held, what + ": declares " + read.frames() + " frames, holds " + held);
    }

    static ByteBuffer frames(int first, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        short[] l = left(first, count);
        short[] r = right(first, count);
        for (int i = 0; i < count; i++) {
            b.putShort(l[i]).putShort(r[i]);
        }
        return b.flip();
    }

    private static short[] left(int first, int count) {
        short[] s = new short[count];
        for (int i = 0; i < count; i++) {
            s[i] = (short) ((first + i) * 3);
        }
        return s;
    }

    private static short[] right(int first, int count) {
        short[] s = new short[count];
        for (int i = 0; i < count; i++) {
            s[i] = (short) -(first + i);
        }
        return s;
    }
}
