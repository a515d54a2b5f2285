package org.hotline.message;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a caller spoke in a message a front's media server recorded (behind Asterisk, {@code RECORD
 * FILE ... wav}: RIFF, mono 16-bit PCM at 8 kHz): any 20 ms frame above {@link SpeechMeter}'s
 * threshold. Reads the whole file (a 10-minute message is under 10 MB). Stateless.
 */
final class WavSpeech {

    private static final int FRAME_SAMPLES = 160; // 20 ms at 8 kHz
    private static final int PCM = 1;
    private static final int MONO = 1;
    private static final int BITS = 16;
    private static final int RIFF_HEADER_BYTES = 12;
    private static final int CHUNK_HEADER_BYTES = 8;

    private WavSpeech() {
    }

    /** Empty if the file cannot be read here or is not a mono 16-bit PCM WAV. */
    static Optional<Boolean> heard(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.remaining() < RIFF_HEADER_BYTES || wav.getInt(0) != tag("RIFF") || wav.getInt(8) != tag("WAVE")) {
            return Optional.empty();
        }
        boolean pcm16Mono = false;
        int at = RIFF_HEADER_BYTES;
        while (at + CHUNK_HEADER_BYTES <= wav.limit()) {
            int id = wav.getInt(at);
            long size = Integer.toUnsignedLong(wav.getInt(at + 4));
            int body = at + CHUNK_HEADER_BYTES;
            if (id == tag("fmt ") && body + 16 <= wav.limit()) {
                pcm16Mono = wav.getShort(body) == PCM && wav.getShort(body + 2) == MONO && wav.getShort(body + 14) == BITS;
            } else if (id == tag("data")) {
                // a file cut short (Asterisk stopped) may claim more than it holds
                int end = (int) Math.min(wav.limit(), body + size);
                return pcm16Mono ? Optional.of(anySpeech(wav, body, end)) : Optional.empty();
            }
            at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are padded to even sizes
        }
        return Optional.empty();
    }

    private static boolean anySpeech(ByteBuffer wav, int from, int to) {
        short[] frame = new short[FRAME_SAMPLES];
        for (int at = from; at + FRAME_SAMPLES * 2 <= to; at += FRAME_SAMPLES * 2) {
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                frame[i] = wav.getShort(at + 2 * i);
            }
            if (SpeechMeter.isSpeech(frame)) {
                return true;
            }
        }
        return false;
    }

    private static int tag(String fourCc) {
        return ByteBuffer.wrap(fourCc.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
    }
}
