package org.hotline.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
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

    private static final int RIFF = 0x46464952;
    private static final int WAVE = 0x45564157;
    private static final int FMT = 0x20746d66;
    private static final int DATA = 0x61746164;
    private static final int WAVE_FORMAT_PCM = 1;

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

    /** The left channel of an 8 kHz 16-bit PCM stereo WAV (Hotline's recordings and messages: the caller). */
    public static AudioClip readLeftChannel(Path file) {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = source.getFormat();
            if (format.getSampleRate() != AudioClip.SAMPLE_RATE_HZ || format.getChannels() != 2
                    || format.getSampleSizeInBits() != 16 || format.isBigEndian()) {
                throw new IllegalArgumentException(file + " is " + format + "; expected 8000 Hz 16-bit stereo");
            }
            short[] both = toSamples(source.readAllBytes());
            short[] left = new short[both.length / 2];
            for (int i = 0; i < left.length; i++) {
                left[i] = both[2 * i];
            }
            return new AudioClip(file.getFileName().toString(), left);
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(file + " is not a readable WAV file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /**
     * Reads a 16-bit PCM WAV that another process is still writing (baresip's sndfile recording
     * during a call): the data chunk's size in the header is not final yet, so every whole sample up
     * to the current end of the file is taken. Empty while the header is incomplete.
     */
    public static AudioClip readGrowing(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String name = file.getFileName().toString();
        if (bytes.length < 12 || b.getInt(0) != RIFF || b.getInt(8) != WAVE) {
            return new AudioClip(name, new short[0]);
        }
        int at = 12;
        while (at + 8 <= bytes.length) {
            int id = b.getInt(at);
            int size = b.getInt(at + 4);
            if (id == FMT && at + 24 <= bytes.length) {
                requirePcm8kMono16(file, b, at + 8);
            } else if (id == DATA) {
                int whole = (bytes.length - at - 8) / 2 * 2;
                byte[] data = new byte[whole];
                System.arraycopy(bytes, at + 8, data, 0, whole);
                return new AudioClip(name, toSamples(data));
            }
            at += 8 + size + (size & 1);
        }
        return new AudioClip(name, new short[0]);
    }

    private static void requirePcm8kMono16(Path file, ByteBuffer b, int fmt) {
        int format = b.getShort(fmt) & 0xffff;
        int channels = b.getShort(fmt + 2);
        int rate = b.getInt(fmt + 4);
        int bits = b.getShort(fmt + 14);
        if (format != WAVE_FORMAT_PCM || channels != 1 || rate != AudioClip.SAMPLE_RATE_HZ || bits != 16) {
            throw new IllegalArgumentException(file + " is format " + format + ", " + channels + " channels, " + rate
                    + " Hz, " + bits + " bits; expected 8000 Hz mono 16-bit PCM");
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
