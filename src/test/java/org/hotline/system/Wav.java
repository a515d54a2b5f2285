package org.hotline.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.hotline.media.AudioClip;

/**
 * Reads and writes telephone audio files (8 kHz mono) as {@link AudioClip}s with
 * javax.sound.sampled. 16-bit PCM and G.711 WAVs are read; anything else at another rate or channel
 * count is rejected rather than resampled, so a test never compares audio at different rates.
 */
public final class Wav {

    private static final AudioFormat PCM_8K_MONO =
            new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, AudioClip.SAMPLE_RATE_HZ, 16, 1, 2, AudioClip.SAMPLE_RATE_HZ, false);

    private Wav() {
    }

    public static AudioClip read(Path file) {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = source.getFormat();
            if (format.getSampleRate() != AudioClip.SAMPLE_RATE_HZ || format.getChannels() != 1) {
                throw new IllegalArgumentException(file + " is " + format + "; expected 8000 Hz mono");
            }
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(PCM_8K_MONO, source)) {
                return new AudioClip(file.getFileName().toString(), toSamples(pcm.readAllBytes()));
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(file + " is not a readable WAV file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    public static void write(AudioClip clip, Path file) {
        byte[] bytes = toBytes(clip.samples());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), PCM_8K_MONO, clip.samples().length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private static short[] toSamples(byte[] littleEndian) {
        short[] samples = new short[littleEndian.length / 2];
        ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    private static byte[] toBytes(short[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        return buffer.array();
    }
}
