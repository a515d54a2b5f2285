package org.hotline.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a recording cut short by a crash a finished WAV: the data is whatever whole stereo frames
 * follow the header (a torn last frame is cut off), and the header is rewritten for exactly that.
 * A file shorter than its header gets a fresh header and no samples. Stateless.
 */
final class WavRepair {

    private WavRepair() {
    }

    /** Repairs {@code file} in place and returns its number of stereo frames. */
    static long repair(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long dataBytes = size < WavFormat.HEADER_BYTES ? 0 : WavFormat.wholeFrames(size - WavFormat.HEADER_BYTES);
            dataBytes = Math.min(dataBytes, WavFormat.wholeFrames(WavFormat.MAX_DATA_BYTES));
            channel.truncate(WavFormat.HEADER_BYTES + dataBytes);
            ByteBuffer header = WavFormat.header(dataBytes);
            long at = 0;
            while (header.hasRemaining()) {
                at += channel.write(header, at);
            }
            channel.force(true);
            return dataBytes / WavFormat.FRAME_BYTES;
        }
    }
}
