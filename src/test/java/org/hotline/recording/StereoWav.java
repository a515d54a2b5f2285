package org.hotline.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.hotline.media.AudioClip;

/**
 * A recording read back the way any player would, through {@code javax.sound.sampled}: the format
 * must be 8 kHz 16-bit signed little-endian stereo, and the channels come apart as the caller's
 * (left) and the agent's (right) audio. Immutable.
 *
 * @param frames the frame count the header declares (what a player plays)
 */
public record StereoWav(short[] left, short[] right, long frames) {

    /** Parses {@code file}; fails the test if it is not a valid WAV of the recording format. */
    public static StereoWav read(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** Parses WAV bytes; fails the test if they are not a valid WAV of the recording format. */
    public static StereoWav read(byte[] bytes) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
            AudioFormat format = in.getFormat();
            if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleRate() != 8000
                    || format.getSampleSizeInBits() != 16 || format.getChannels() != 2 || format.isBigEndian()) {
                throw new AssertionError("not 8 kHz 16-bit little-endian stereo PCM: " + format);
            }
            long frames = in.getFrameLength();
            return split(readAll(in), frames);
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new AssertionError("not a valid WAV (" + bytes.length + " bytes)", e);
        }
    }

    public AudioClip caller() {
        return new AudioClip("left (caller)", left);
    }

    public AudioClip agent() {
        return new AudioClip("right (agent)", right);
    }

    public Duration length() {
        return Duration.ofNanos(frames * 125_000);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static StereoWav split(byte[] data, long frames) {
        int count = data.length / 4;
        short[] left = new short[count];
        short[] right = new short[count];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            left[i] = b.getShort();
            right[i] = b.getShort();
        }
        return new StereoWav(left, right, frames);
    }
}
