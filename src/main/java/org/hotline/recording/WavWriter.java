package org.hotline.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends stereo samples to a WAV file that is valid at every moment a crash could hit: the full
 * header (sizes 0) is written before any sample, samples only ever go after the bytes the header
 * counts, and {@link #updateSizes} rewrites the two size fields to what has been written so far.
 * A crash therefore leaves a header that counts at most the samples present, never more (the
 * data written after the last update is recovered by {@link WavRepair}). {@link #close} fixes the
 * sizes up and forces the file to disk.
 *
 * <p>Threading: one recording's writer thread only.
 */
final class WavWriter implements AutoCloseable {

    private final FileChannel channel;
    private long dataBytes;
    private long dataBytesInHeader;
    private boolean closed;

    private WavWriter(FileChannel channel) {
        this.channel = channel;
    }

    /** Creates {@code file} (it must not exist) holding the header of an empty recording. */
    static WavWriter create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            writeFully(channel, WavFormat.header(0), 0);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new WavWriter(channel);
    }

    /** Appends whole stereo frames (little-endian left, right); the header is not touched. */
    void append(ByteBuffer frames) throws IOException {
        int length = frames.remaining();
        if (length % WavFormat.FRAME_BYTES != 0) {
            throw new IllegalArgumentException("not whole stereo frames: " + length + " bytes");
        }
        if (dataBytes + length > WavFormat.MAX_DATA_BYTES) {
            throw new IOException("recording exceeds the WAV size limit of " + WavFormat.MAX_DATA_BYTES + " bytes");
        }
        writeFully(channel, frames, WavFormat.HEADER_BYTES + dataBytes);
        dataBytes += length;
    }

    /** Rewrites the RIFF and data sizes to count every frame appended so far. */
    void updateSizes() throws IOException {
        if (dataBytesInHeader == dataBytes) {
            return;
        }
        writeFully(channel, WavFormat.size(dataBytes), WavFormat.DATA_SIZE_OFFSET);
        writeFully(channel, WavFormat.size(WavFormat.riffSize(dataBytes)), WavFormat.RIFF_SIZE_OFFSET);
        dataBytesInHeader = dataBytes;
    }

    long dataBytes() {
        return dataBytes;
    }

    long frames() {
        return dataBytes / WavFormat.FRAME_BYTES;
    }

    /** Final sizes, forced to disk with the data, then closed. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            updateSizes();
            channel.force(true);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
