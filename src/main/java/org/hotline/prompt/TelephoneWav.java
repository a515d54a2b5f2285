package org.hotline.prompt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.hotline.media.AudioClip;

/**
 * Reads one prompt WAV into an {@link AudioClip}: 8 kHz mono, either 16-bit linear PCM or G.711
 * µ-law/A-law (what studios deliver), which is decoded to linear PCM. Anything else is rejected,
 * never resampled, so a site notices a wrong recording at start-up rather than on a call.
 */
final class TelephoneWav {

    private static final AudioFormat LINEAR = new AudioFormat(AudioClip.SAMPLE_RATE_HZ, 16, 1, true, false);

    private TelephoneWav() {
    }

    /** @throws PromptException naming the file and why it is unusable */
    static AudioClip read(Path file, String name) {
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(file.toFile());
                AudioInputStream linear = toLinear(file, wav)) {
            short[] samples = samples(linear.readAllBytes(), linear.getFormat().isBigEndian());
            if (samples.length == 0) {
                throw new PromptException(file, "no audio");
            }
            return new AudioClip(name, samples);
        } catch (UnsupportedAudioFileException e) {
            throw new PromptException(file, "not a WAV file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new PromptException(file, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static AudioInputStream toLinear(Path file, AudioInputStream wav) {
        AudioFormat format = wav.getFormat();
        if (format.getSampleRate() != AudioClip.SAMPLE_RATE_HZ) {
            throw new PromptException(file, "sample rate " + Math.round(format.getSampleRate())
                    + " Hz, expected " + AudioClip.SAMPLE_RATE_HZ + " Hz");
        }
        if (format.getChannels() != 1) {
            throw new PromptException(file, format.getChannels() + " channels, expected mono");
        }
        Encoding encoding = format.getEncoding();
        if (encoding.equals(Encoding.PCM_SIGNED) && format.getSampleSizeInBits() == 16) {
            return wav;
        }
        if (encoding.equals(Encoding.ULAW) || encoding.equals(Encoding.ALAW)) {
            return AudioSystem.getAudioInputStream(LINEAR, wav);
        }
        throw new PromptException(file, format.getSampleSizeInBits() + "-bit " + encoding
                + ", expected 16-bit PCM_SIGNED, ULAW or ALAW");
    }

    private static short[] samples(byte[] bytes, boolean bigEndian) {
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer()
                .get(samples);
        return samples;
    }
}
